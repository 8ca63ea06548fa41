package org.parvis.kernel.api.security;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a key (an account, an address) must wait after failed sign-ins: a few free mistakes,
 * then a delay that doubles with each failure, up to a ceiling. A correct password does not shorten
 * the wait: nothing is checked while it runs.
 */
public record SignInThrottle(int freeFailures, Duration ceiling) {

  /** Per account: 5 free failures, then 1 s, 2 s, 4 s... up to 15 minutes. */
  public static final SignInThrottle PER_ACCOUNT = new SignInThrottle(5, Duration.ofMinutes(15));

  /** Per address: an office behind one address may mistype more; a script will not get far. */
  public static final SignInThrottle PER_ADDRESS = new SignInThrottle(20, Duration.ofMinutes(15));

  public Duration delayAfter(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 20);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(ceiling) > 0 ? ceiling : delay;
  }

  /** What remains to wait at {@code now}, zero when the next attempt may be checked. */
  public Duration remaining(int failures, Instant lastFailure, Instant now) {
    Instant allowedAt = lastFailure.plus(delayAfter(failures));
    return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
  }
}
