package org.parvis.campaign.api;

import java.time.Instant;
import java.util.Optional;

/** The newsletter as the console's dashboard shows it: its audience and its last campaign. */
public interface NewsletterFigures {

  /** Subscribers who confirmed their address and did not leave. */
  long confirmedSubscribers();

  /** The campaign started last, if any. */
  Optional<Campaign> lastCampaign();

  /** Every campaign, newest first, {@link #PAGE_SIZE} a page. */
  java.util.List<Campaign> campaigns(int page);

  int PAGE_SIZE = 50;

  /**
   * A campaign: its theme (null: every subscriber), status (DRAFT, SENDING, SENT), who wrote it and
   * when, when sending started and ended, how many subscribers it is for and how many mails are
   * written so far.
   */
  record Campaign(
      long id,
      String subject,
      String theme,
      String status,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      int recipients,
      int queued) {

    /** Percent of its mails written to the outbox. */
    public int percent() {
      return recipients == 0 ? ("SENT".equals(status) ? 100 : 0) : queued * 100 / recipients;
    }
  }
}
