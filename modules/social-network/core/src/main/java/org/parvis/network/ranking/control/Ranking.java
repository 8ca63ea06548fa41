package org.parvis.network.ranking.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules that rank initiatives and members, kept apart from the database so that they can be
 * read and tested alone.
 *
 * <h2>Points</h2>
 *
 * Every act earns points for the initiative it concerns (its ranking) and for one member (the
 * leaderboards): a signature 1 for the initiative and 1 for its author; joining 2 and 2 for the one
 * who joins; a member's first comment on an initiative 1 and 1; a reply 2 for the author of the
 * comment replied to; an official's answer 5 for the initiative, 5 for its author and 5 for the
 * official; publishing 3 for the initiative and 5 for its author; an achieved initiative 20 for its
 * author. Nobody earns points from their own initiative or their own comment.
 *
 * <h2>Trust</h2>
 *
 * Points are multiplied by the {@linkplain #trust trust} of the member who acted: 1 for an account
 * at least 7 days old, 0.2 from 1 to 7 days, 0.02 under a day. A burst of 500 signatures from
 * accounts created that morning weighs as much as 10 signatures from established members: enough to
 * be noticed, never enough to top the ranking. A withdrawn signature takes back the signer's
 * present trust, which is at least what the signature brought, so signing and withdrawing in a loop
 * never raises anything.
 *
 * <h2>Hot</h2>
 *
 * The hot score of an initiative is the sum of its points, each decayed by half every {@link
 * #HALF_LIFE} since it was earned: {@code S(now) = Σ p·2^-(now - t)/H}. Ordering by {@code S(now)}
 * is the same as ordering by {@code Σ p·2^(t - T0)/H} for a fixed origin {@code T0}, because the
 * factor {@code 2^(now - T0)/H} is common to all. That sum never changes unless new points come, so
 * it is stored and indexed; its base-2 logarithm is stored, since the sum itself grows by a factor
 * 2 per half-life. Adding {@code p} points at {@code t} is {@code hot' = log2(2^hot + p·2^e)} with
 * {@code e = (t - T0)/H}, computed as {@code max + log2(1 + 2^-(|hot - x|))} with {@code x = log2 p
 * + e} so that nothing overflows. A new initiative's first points are those of its publication.
 *
 * <h2>Top</h2>
 *
 * The points earned during the last 7 or 30 days (Paris days), or all of them: running sums kept on
 * each initiative and member by the roll-up ({@link RollingWindows}), each with its index.
 *
 * <h2>Near me</h2>
 *
 * The initiatives of the member's commune, then of their département, their région, then the
 * national ones, each group by hot score.
 */
public final class Ranking {

  /** The origin of the hot scale. */
  public static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  /** The time after which a point counts half in the hot score. */
  public static final Duration HALF_LIFE = Duration.ofHours(24);

  public static final double SIGNATURE = 1;
  public static final double JOIN = 2;
  public static final double COMMENT = 1;
  public static final double REPLY_RECEIVED = 2;
  public static final double ANSWER = 5;
  public static final double PUBLISH = 3;
  public static final double PUBLISHED = 5;
  public static final double ACHIEVED = 20;

  /** Accounts younger than this weigh {@link #NEW_TRUST}. */
  public static final Duration NEW_ACCOUNT = Duration.ofDays(1);

  /** Accounts younger than this (and older than a day) weigh {@link #RECENT_TRUST}. */
  public static final Duration RECENT_ACCOUNT = Duration.ofDays(7);

  public static final double NEW_TRUST = 0.02;
  public static final double RECENT_TRUST = 0.2;

  private Ranking() {}

  /** The weight of what a member does, from the age of their account. */
  public static double trust(Instant accountCreated, Instant now) {
    if (!accountCreated.isAfter(now.minus(RECENT_ACCOUNT))) {
      return 1;
    }
    return accountCreated.isAfter(now.minus(NEW_ACCOUNT)) ? NEW_TRUST : RECENT_TRUST;
  }

  /** Where an instant stands on the hot scale: how many half-lives after {@link #ORIGIN}. */
  public static double exponent(Instant at) {
    return Duration.between(ORIGIN, at).toMillis() / (double) HALF_LIFE.toMillis();
  }

  /**
   * The hot score after {@code points} more were earned at {@code at} (fewer when negative: a
   * withdrawal). Taking back more than the decayed sum leaves the score of {@link #MINIMUM} points
   * earned at {@code at} (or the score as it was, if lower).
   */
  public static double add(double hot, double points, Instant at) {
    if (points == 0) {
      return hot;
    }
    double x = log2(Math.abs(points)) + exponent(at);
    if (points > 0) {
      double high = Math.max(hot, x);
      return high + log2(1 + Math.pow(2, -Math.abs(hot - x)));
    }
    double floor = log2(MINIMUM) + exponent(at);
    if (x >= hot) {
      return Math.min(hot, floor);
    }
    double remaining = hot + log2(1 - Math.pow(2, x - hot));
    return Math.max(remaining, Math.min(hot, floor));
  }

  /** The decayed points of a hot score seen at {@code now}: what the score means today. */
  public static double pointsAt(double hot, Instant now) {
    return Math.pow(2, hot - exponent(now));
  }

  /** Points so small they only order initiatives that have nothing else. */
  static final double MINIMUM = 0.01;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
