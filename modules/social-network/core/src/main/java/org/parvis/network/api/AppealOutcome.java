package org.parvis.network.api;

import java.time.Instant;

/** A second moderator decided an appeal: the network tells its author. */
public record AppealOutcome(long authorId, long initiativeId, boolean granted, Instant at) {}
