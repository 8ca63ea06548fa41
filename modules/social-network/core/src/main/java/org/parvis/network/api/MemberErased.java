package org.parvis.network.api;

import java.time.Instant;

/**
 * A member erased their account (fired in the erasing transaction): every module erases what it
 * holds about {@code memberId} in the same transaction. After it, the id designates an anonymous
 * tombstone.
 */
public record MemberErased(long memberId, boolean contributionsDeleted, Instant at) {}
