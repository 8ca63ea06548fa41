package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The DPO's retention page in the console: run the job now and wait for its end. */
final class RetentionDesk {

  private static final String PAGE = "/console/staff/privacy/retention.xhtml";

  private RetentionDesk() {}

  /** Presses "Lancer maintenant", then reloads until the newest run has ended; its page. */
  static Document runNow(WebSession dpo) throws InterruptedException {
    dpo.get(PAGE);
    var pressed = dpo.submit("retentionRun", "runNow", Map.of());
    assertThat(pressed.statusCode()).isIn(302, 303);
    return org.awaitility.Awaitility.await("the retention run started from the console to end")
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> Jsoup.parse(dpo.get(PAGE).body()), RetentionDesk::ended);
  }

  /** The newest execution's status and exit status, e.g. "COMPLETED (COMPLETED)". */
  static String status(Document page) {
    return page.select("#retentionExecutions tbody tr .status").eachText().stream()
        .findFirst()
        .orElse("");
  }

  private static boolean ended(Document page) {
    String status = status(page);
    return status.startsWith("COMPLETED") || status.startsWith("FAILED");
  }
}
