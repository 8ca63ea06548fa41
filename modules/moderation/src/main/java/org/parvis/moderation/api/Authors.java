package org.parvis.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moderators' view of an author: the items moderation looked at, their standing, their sanctions;
 * imposing a sanction (warning, suspension for some days, ban) and lifting it early.
 */
public interface Authors {

  Record record(long memberId);

  /**
   * Each author's standing at a glance, for the queue (two statements whatever the number of
   * authors): items moderation looked at, removed, and sanctions in force now.
   */
  java.util.Map<Long, Standing> standings(java.util.Collection<Long> memberIds);

  /** How an author stands with moderation. */
  record Standing(long flagged, long removed, long sanctionsInForce) {

    public static final Standing CLEAN = new Standing(0, 0, 0);
  }

  /**
   * Imposes a sanction ({@code kind} WARN, SUSPEND for {@code days} days, or BAN) with a statement.
   *
   * @return empty when imposed, otherwise the message key of the problem
   */
  Optional<String> sanction(
      String moderator, long memberId, String kind, int days, String statement);

  /** Lifts a suspension or ban before its end. */
  Optional<String> lift(String moderator, long sanctionId, String statement);

  /** The author's record: items flagged, removed and kept, and their sanctions, newest first. */
  record Record(
      long memberId,
      String handle,
      List<Item> items,
      long removed,
      long kept,
      List<Sanction> sanctions) {}

  record Item(
      String kind,
      long id,
      long initiativeId,
      String status,
      double score,
      String reasons,
      Instant flaggedAt) {}

  record Sanction(
      long id,
      String kind,
      String statement,
      String decidedBy,
      Instant startsAt,
      Instant endsAt,
      Instant liftedAt) {

    /** In force: not lifted, and a ban or a suspension not over. */
    public boolean active(Instant now) {
      return liftedAt == null
          && ("BAN".equals(kind)
              || ("SUSPEND".equals(kind) && endsAt != null && endsAt.isAfter(now)));
    }
  }
}
