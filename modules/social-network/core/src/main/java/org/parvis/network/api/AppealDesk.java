package org.parvis.network.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Appeals against moderators' decisions: implemented by moderation, used by the network's pages.
 * The author of a hidden item may appeal once, with a text; another moderator decides.
 */
public interface AppealDesk {

  /**
   * Files the author's appeal against the decision on their item.
   *
   * @return empty when filed, otherwise the message key of the problem
   */
  Optional<String> appeal(String kind, long id, long authorId, String text);

  /** The exchange about the author's item, if a moderator decided on it. */
  Optional<Exchange> exchange(String kind, long id, long authorId);

  /**
   * The decision and its statement, the appeal (if any) and its outcome ({@code GRANTED}: shown
   * again, {@code REJECTED}: stays hidden) with the second moderator's statement.
   */
  record Exchange(
      String decision,
      String statement,
      Instant decidedAt,
      String appeal,
      Instant appealedAt,
      String outcome,
      String outcomeStatement,
      Instant outcomeAt) {

    public boolean mayAppeal() {
      return "REMOVED".equals(decision) && appeal == null;
    }
  }
}
