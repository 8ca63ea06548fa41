package org.parvis.e2e;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Element;

/** The console's moderation queue as a moderator uses it: one form, a row per item or appeal. */
final class ModerationQueue {

  private ModerationQueue() {}

  /**
   * Types {@code value} in the row's field and presses its button, e.g. {@code (admin, row, "hide",
   * "statement", "…")}; the row is a {@code div.queue-item} or {@code div.appeal-item} of the page
   * the moderator last read.
   */
  static HttpResponse<String> press(
      WebSession moderator, Element row, String button, String field, String value) {
    String id = row.id();
    String prefix = id.substring(0, id.lastIndexOf(':'));
    String form = id.substring(0, id.indexOf(':'));
    return moderator.submit(form, prefix + ":" + button, Map.of(prefix + ":" + field, value));
  }

  /** Imposes a sanction from the author's record page ({@code kind} WARN, SUSPEND or BAN). */
  static HttpResponse<String> sanction(
      WebSession moderator, String authorRecord, String kind, int days, String statement) {
    moderator.get(authorRecord);
    return moderator.submit(
        "sanction",
        "impose",
        Map.of("kind", kind, "days", Integer.toString(days), "statement", statement));
  }

  /** Lifts the first sanction in force listed on the author's record page, read just before. */
  static HttpResponse<String> liftLatest(
      WebSession moderator, org.jsoup.nodes.Document record, String statement) {
    return moderator.submit(
        "lift",
        "liftButton",
        Map.of(
            "sanctionToLift",
            record.select("#sanctionToLift option").first().attr("value"),
            "liftStatement",
            statement));
  }

  /** The text of a member's notifications page. */
  static String notices(WebSession member) {
    return org.jsoup.Jsoup.parse(member.get("/reseau/compte/notifications.xhtml").body())
        .select("#notifications")
        .text();
  }
}
