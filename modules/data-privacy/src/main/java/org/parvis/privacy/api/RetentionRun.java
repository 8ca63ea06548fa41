package org.parvis.privacy.api;

import java.time.Instant;

/**
 * What one retention job did to one category: kept in the journal of the category's database.
 *
 * @param execution the Jakarta Batch execution that ran it
 * @param asOf the time the job applied the periods from (now, or a chosen time in tests)
 * @param affected records deleted or anonymised
 * @param error why the category failed, or null
 */
public record RetentionRun(
    long execution,
    String category,
    String period,
    Instant asOf,
    Instant startedAt,
    Instant finishedAt,
    int affected,
    String error) {}
