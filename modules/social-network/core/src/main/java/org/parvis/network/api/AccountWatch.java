package org.parvis.network.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The accounts the dormant-account watch froze (a long-silent account that suddenly publishes a
 * burst or posts links), for staff to review in the console.
 */
public interface AccountWatch {

  /** How many freezes wait for a review (the console's alert). */
  long pendingCount();

  /** Freezes waiting for a review, oldest first. */
  List<Freeze> pending(int first, int size);

  /**
   * Lifts a freeze (the holder is in control, e.g. after a call) or keeps the account frozen.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  Optional<String> review(String staff, long freezeId, boolean lift);

  /** A freeze as the console lists it; {@code reason} is BURST or LINKS. */
  record Freeze(
      long id, String handle, String displayName, boolean official, String reason, Instant at) {}
}
