package org.parvis.network.api;

import java.time.Instant;

/**
 * A sanction moderators imposed on a member, or lifted: {@code kind} WARN (a warning, nothing
 * blocked), SUSPEND (until {@code until}) or BAN. The network applies it and logs it among the
 * member's security events, which they see.
 */
public record MemberSanction(
    long memberId, String kind, Instant until, boolean lifted, Instant at) {}
