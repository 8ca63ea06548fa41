package org.parvis.network.api;

import java.time.Instant;

/**
 * Something public pages show was written (an initiative, a comment, an answer, a member's account,
 * a mandate), fired while the change is being written, before its transaction commits: pages kept
 * for readers are forgotten at once and once more shortly after the commit. Carries the kind of
 * record only.
 *
 * @param kind the record's kind ({@code Initiative}, {@code Comment}…)
 */
public record PublicContentChanged(String kind, Instant at) {}
