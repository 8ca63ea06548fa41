package org.parvis.network.api;

import java.time.Instant;

/**
 * Moderation decided on an item a member reported: the network tells the reporter whether their
 * report was upheld. Ids and facts only.
 */
public record ReportOutcome(long reporterId, long initiativeId, boolean upheld, Instant at) {}
