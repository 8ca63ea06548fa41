package org.parvis.network.api;

import java.time.Instant;

/**
 * Fired (CDI event, in the publishing transaction) each time a member's content goes out or is
 * edited: an initiative, a comment or an official's answer. Moderation screens it after the fact;
 * observers that act should observe {@code during = TransactionPhase.AFTER_SUCCESS}. It carries ids
 * and facts only, never the text or the author's identity: moderation reads those through the
 * network's api when it needs them.
 *
 * @param kind INITIATIVE, COMMENT or ANSWER
 * @param id the content's id in its kind
 * @param initiativeId the initiative it belongs to (its own id for an initiative)
 * @param edited whether it is an edit of content already out
 */
public record ContentPublished(
    String kind, long id, long initiativeId, boolean edited, Instant at) {}
