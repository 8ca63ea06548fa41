package org.parvis.network.api;

import java.time.Instant;

/**
 * A sanction moderators imposed on a member, or lifted: {@code kind} WARN (a warning, nothing
 * blocked), SUSPEND (until {@code until}) or BAN. The network applies it, logs it among the
 * member's security events and sends them the statement of reasons.
 *
 * @param blockedUntil until when the account is blocked once this decision applies, all the
 *     member's sanctions still in force counted (lifting one suspension leaves a longer one or a
 *     ban in place); null when nothing blocks it, {@link #FOREVER} for a ban
 */
public record MemberSanction(
    long memberId,
    String kind,
    Instant until,
    boolean lifted,
    String statement,
    Instant blockedUntil,
    Instant at) {

  /** What {@code blockedUntil} holds for a ban. */
  public static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");
}
