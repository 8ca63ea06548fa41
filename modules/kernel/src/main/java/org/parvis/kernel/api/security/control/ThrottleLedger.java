package org.parvis.kernel.api.security.control;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.kernel.api.sql.Rows;

/**
 * The failed attempts counted per key in a {@code sign_in_throttle} table, which each side's
 * database has (brand for staff, network for members). Counting is one atomic SQL update, so
 * simultaneous failures are all counted on PostgreSQL and H2 alike; keys are hashed, so the table
 * keeps no typed name nor address in clear. Runs inside the caller's transaction.
 */
public final class ThrottleLedger {

  /** Failures older than this no longer slow anyone down (the longest delay is 15 minutes). */
  public static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final EntityManager em;

  public ThrottleLedger(EntityManager em) {
    this.em = em;
  }

  /** "account:" followed by the SHA-256 of the value, for instance. */
  public static String key(String kind, String value) {
    return kind + ":" + RecoveryCodes.sha256(String.valueOf(value));
  }

  /** What remains to wait before the next attempt for {@code key} may be checked. */
  public Duration remaining(SignInThrottle rule, String key, Instant now) {
    var rows =
        em.createNativeQuery(
                "SELECT failures, last_failure_at FROM sign_in_throttle WHERE throttle_key = ?")
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      return Duration.ZERO;
    }
    Object[] row = (Object[]) rows.get(0);
    return rule.remaining(((Number) row[0]).intValue(), Rows.instant(row[1]), now);
  }

  /**
   * Claims one attempt for every key, before the secret is checked: each key's row is locked, and
   * if none of them asks to wait, each counts the attempt as a failure at once (forgiven by {@link
   * #forgive} or {@link #retract} when it succeeds). Parallel guesses therefore see each other: the
   * sixth of six simultaneous ones waits. Keys are locked in the order given (callers put the
   * account before the address, so that two claims never wait on each other in a circle). Run it in
   * a short transaction of its own, so that the rows are not held while a password is hashed.
   *
   * @return the claim: zero wait when the attempt may be checked, otherwise what remains to wait
   */
  public Claim claim(java.util.LinkedHashMap<String, SignInThrottle> rules, Instant now) {
    // Stored truncated: a database rounding nanoseconds up would put the attempt after now.
    var at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    for (String key : rules.keySet()) {
      ensureRow(key, at);
    }
    Duration wait = Duration.ZERO;
    var previous = new java.util.HashMap<String, OffsetDateTime>();
    for (var rule : rules.entrySet()) {
      Object[] row =
          (Object[])
              em.createNativeQuery(
                      "SELECT failures, last_failure_at FROM sign_in_throttle"
                          + " WHERE throttle_key = ? FOR UPDATE")
                  .setParameter(1, rule.getKey())
                  .getSingleResult();
      // A parallel attempt that waited less for the lock may have stamped a later time than this
      // attempt's own "now": it happened at the same moment, not in the future.
      Instant last = Rows.instant(row[1]);
      previous.put(rule.getKey(), last.atOffset(ZoneOffset.UTC));
      Duration remaining =
          rule.getValue()
              .remaining(((Number) row[0]).intValue(), last.isAfter(now) ? now : last, now);
      wait = remaining.compareTo(wait) > 0 ? remaining : wait;
    }
    if (wait.isZero()) {
      rules.keySet().forEach(key -> countFailure(key, at));
    }
    return new Claim(wait, at, java.util.Map.copyOf(previous));
  }

  /**
   * What {@link #claim} decided: the delay (zero when the attempt was counted), the time it stamped
   * and each key's previous time, so that a success can be taken back exactly.
   */
  public record Claim(
      Duration delay, OffsetDateTime at, java.util.Map<String, OffsetDateTime> previous) {}

  /**
   * Takes back the attempt {@code claim} counted for {@code key}, which succeeded: one failure less
   * and, unless another attempt came since, the time of the last real failure again (a success must
   * not restart the delay of everyone behind the same address).
   */
  public void retract(String key, Claim claim) {
    var previous = claim.previous().get(key);
    em.createNativeQuery(
            "UPDATE sign_in_throttle SET failures = failures - 1, last_failure_at ="
                + " CASE WHEN last_failure_at = ? THEN ? ELSE last_failure_at END"
                + " WHERE throttle_key = ? AND failures > 0")
        .setParameter(1, claim.at())
        .setParameter(2, previous == null ? claim.at() : previous)
        .setParameter(3, key)
        .executeUpdate();
  }

  /**
   * The key's row, with no failure if it is new. Two first attempts at once: the second insert
   * waits for the first and does nothing, then both work on the same row.
   */
  private void ensureRow(String key, OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at)"
                + " VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, key)
        .setParameter(2, at)
        .executeUpdate();
  }

  /** Counts one more failure for {@code key}. */
  public void failed(String key, Instant now) {
    var at = now.atOffset(ZoneOffset.UTC);
    ensureRow(key, at);
    countFailure(key, at);
  }

  private void countFailure(String key, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE sign_in_throttle SET failures = failures + 1, last_failure_at = ?"
                + " WHERE throttle_key = ?")
        .setParameter(1, at)
        .setParameter(2, key)
        .executeUpdate();
  }

  /** Forgets the failures of {@code key} (after a success). */
  public void forgive(String key) {
    em.createNativeQuery("DELETE FROM sign_in_throttle WHERE throttle_key = ?")
        .setParameter(1, key)
        .executeUpdate();
  }

  /** The number of failures counted for {@code key}. */
  public int failures(String key) {
    var rows =
        em.createNativeQuery("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
  }

  /** Deletes the rows whose last failure is older than {@code limit}; index-backed. */
  public int forgetBefore(Instant limit) {
    return em.createNativeQuery("DELETE FROM sign_in_throttle WHERE last_failure_at < ?")
        .setParameter(1, limit.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }
}
