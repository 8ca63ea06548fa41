package org.parvis.e2e;

import java.util.Map;
import org.jsoup.Jsoup;

/** The console's newsletter page as an editor uses it. */
final class CampaignDesk {

  private CampaignDesk() {}

  /** Composes a campaign to every subscriber and starts sending it. */
  static void composeAndStart(WebSession editor, String subject, String body) {
    editor.get("/console/staff/content/newsletter.xhtml");
    editor.submit("compose", "saveDraft", Map.of("subject", subject, "theme", "", "body", body));
    var row =
        Jsoup.parse(editor.get("/console/staff/content/newsletter.xhtml").body())
            .select("tr.campaign")
            .stream()
            .filter(r -> r.select(".subject").text().equals(subject))
            .findFirst()
            .orElseThrow();
    editor.submit("campaigns", row.select("input[type=submit]").attr("name"), Map.of());
  }
}
