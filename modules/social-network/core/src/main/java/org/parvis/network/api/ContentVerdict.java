package org.parvis.network.api;

import java.time.Instant;

/**
 * What moderation decided about a published item ({@code kind} INITIATIVE, COMMENT or ANSWER):
 * hidden pending review, or shown again. Fired by moderation, applied by the network, which tells
 * the author. Ids and facts only.
 */
public record ContentVerdict(String kind, long id, boolean hidden, Instant at) {}
