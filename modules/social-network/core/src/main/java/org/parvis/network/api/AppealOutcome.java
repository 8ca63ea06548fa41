package org.parvis.network.api;

import java.time.Instant;

/**
 * A second moderator decided an appeal on an item ({@code kind}, {@code id}): the network tells its
 * author, with the statement of reasons. {@code initiativeId} is 0 for a profile.
 */
public record AppealOutcome(
    long authorId,
    String kind,
    long id,
    long initiativeId,
    boolean granted,
    String statement,
    Instant at) {}
