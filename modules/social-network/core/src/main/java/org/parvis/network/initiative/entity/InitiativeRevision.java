package org.parvis.network.initiative.entity;

import java.time.Instant;

/**
 * An earlier version of an edited initiative, kept in {@code initiative_revision} for readers to
 * compare: nothing is rewritten silently.
 */
public record InitiativeRevision(
    int revision, String title, String description, Instant writtenAt) {}
