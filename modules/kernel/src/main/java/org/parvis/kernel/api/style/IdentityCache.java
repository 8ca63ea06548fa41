package org.parvis.kernel.api.style;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The identity as every page shows it, read from the database at most every few seconds per
 * instance (each page needs it; it changes a few times a year). Another instance's change shows
 * within that delay; a change made here shows at once.
 */
public final class IdentityCache<T> {

  private static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final Clock clock;
  private volatile T known;
  private volatile Instant readAt = Instant.MIN;

  public IdentityCache(Clock clock) {
    this.clock = clock;
  }

  /** What was read less than a few seconds ago, or what {@code read} reads now. */
  public T current(Supplier<T> read) {
    Instant now = clock.instant();
    var cached = known;
    if (cached != null && readAt.plus(FRESH_FOR).isAfter(now)) {
      return cached;
    }
    var fresh = read.get();
    known = fresh;
    readAt = now;
    return fresh;
  }

  /** Forgets what was read: the next page reads the database again. */
  public void forget() {
    known = null;
  }
}
