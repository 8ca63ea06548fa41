package org.parvis.network.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Where members' reports go: implemented by moderation, called by the network's pages (so the
 * network never depends on moderation). The network checks the item exists and is public, and
 * passes the reporter's id and account age, never their identity.
 */
public interface ReportDesk {

  /** The reasons a member can give, as the charter names them. */
  enum Reason {
    SPAM,
    HATE,
    HARASSMENT,
    ILLEGAL,
    OFF_TOPIC,
    OTHER
  }

  /**
   * Records a report ({@code kind} INITIATIVE, COMMENT or ANSWER).
   *
   * @return empty when recorded, otherwise the message key of the problem (already reported, too
   *     many reports lately, bad input)
   */
  Optional<String> report(
      String kind,
      long id,
      long initiativeId,
      long authorId,
      long reporterId,
      Duration reporterAccountAge,
      Reason reason,
      String text);
}
