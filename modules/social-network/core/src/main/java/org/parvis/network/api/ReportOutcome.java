package org.parvis.network.api;

import java.time.Instant;

/**
 * Moderation decided on an item a member reported ({@code kind}, {@code id}; {@code initiativeId} 0
 * for a profile): the network tells the reporter whether their report was upheld. Ids and facts
 * only.
 */
public record ReportOutcome(
    long reporterId, String kind, long id, long initiativeId, boolean upheld, Instant at) {}
