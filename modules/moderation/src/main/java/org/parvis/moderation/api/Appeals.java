package org.parvis.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appeals awaiting a second moderator, for the console. */
public interface Appeals {

  List<PendingAppeal> pending(int first, int size);

  /**
   * A moderator other than the one who decided grants the appeal (the item is shown again) or
   * rejects it, with a statement of reasons.
   *
   * @return empty when decided, otherwise the message key of the problem
   */
  Optional<String> decide(String moderator, String kind, long id, boolean grant, String statement);

  /** An appeal with the decision it contests. */
  record PendingAppeal(
      String kind,
      long id,
      long initiativeId,
      String decidedBy,
      String statement,
      String appeal,
      Instant filedAt) {}
}
