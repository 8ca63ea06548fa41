package org.parvis.network.api;

import java.time.Instant;

/**
 * What moderation decided about a published item ({@code kind} INITIATIVE, COMMENT, ANSWER or
 * PROFILE, whose id is the member's): hidden or shown again. Fired by moderation, applied by the
 * network, which tells the author. Ids and facts only.
 *
 * @param statement the moderator's statement of reasons, sent to the author; null when screening or
 *     reports hid the item automatically, pending a moderator's review
 */
public record ContentVerdict(String kind, long id, boolean hidden, String statement, Instant at) {

  /** Whether a moderator decided (rather than an automatic hide pending review). */
  public boolean decided() {
    return statement != null;
  }
}
