package org.parvis.network.api;

import java.util.List;
import java.util.Map;

/**
 * Public figures of moderation, month by month, computed from moderation's own records (its log and
 * its reports): implemented by moderation, shown by the network's transparency page.
 */
public interface Transparency {

  /** The reasons a member may give for a report, in the order pages and exports show them. */
  List<String> REPORT_REASONS =
      List.of("SPAM", "HATE", "HARASSMENT", "ILLEGAL", "OFF_TOPIC", "OTHER");

  /** Decisions on items, automatic then human, in the order pages and exports show them. */
  List<String> ACTIONS = List.of("AUTO_HIDE", "AUTO_QUEUE", "HIDE", "RESTORE", "DISMISS");

  /** Appeals: filed, granted, rejected. */
  List<String> APPEAL_ACTIONS = List.of("APPEAL", "APPEAL_GRANTED", "APPEAL_REJECTED");

  /** The last {@code months} months, newest first. */
  List<Month> months(int months);

  /**
   * One month: reports by reason, actions by kind (AUTO_HIDE, AUTO_QUEUE by screening or reports;
   * HIDE, RESTORE, DISMISS by moderators; APPEAL filed, APPEAL_GRANTED, APPEAL_REJECTED), how many
   * were automatic and human, and the median time from flag to a moderator's decision (null when
   * none).
   */
  record Month(
      int year,
      int month,
      Map<String, Long> reportsByReason,
      Map<String, Long> decisionsByAction,
      long automatic,
      long human,
      Double medianHoursToDecision) {}
}
