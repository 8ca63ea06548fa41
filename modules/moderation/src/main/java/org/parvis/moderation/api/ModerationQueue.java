package org.parvis.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The moderators' queue, for the console: items screening (or reports) put before them, highest
 * score first, and their decisions. Every decision carries a statement of reasons and goes into the
 * append-only moderation log.
 */
public interface ModerationQueue {

  /** Items awaiting a decision (hidden ones and visible ones), highest score first. */
  List<Pending> pending(int first, int size);

  long pendingCount();

  /**
   * Decides on a queued item: {@code HIDE} keeps it hidden (or hides it), {@code KEEP} shows it
   * (again) and closes the case.
   *
   * @return empty when decided, otherwise the message key of the problem
   */
  Optional<String> decide(
      String moderator, String kind, long id, String decision, String statement);

  /**
   * The text cut into pieces, those screening's rules matched marked (the words of a listed
   * expression, a link to a listed spam domain), so that moderators see what triggered it.
   */
  List<Piece> highlight(String text);

  /** A piece of a text, marked when screening's rules matched it. */
  record Piece(String text, boolean marked) {}

  /** An item in the queue, with what screening found and the start of its text. */
  record Pending(
      String kind,
      long id,
      long initiativeId,
      long authorId,
      double score,
      String reasons,
      String status,
      Instant flaggedAt,
      String excerpt) {}
}
