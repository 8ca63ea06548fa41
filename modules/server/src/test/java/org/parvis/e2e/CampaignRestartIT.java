package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A newsletter campaign survives a server stopped and started again in the middle of its sending:
 * every confirmed subscriber receives it exactly once. Runs a Parvis of its own (embedded databases
 * in its own folder) sending slowly, so that the stop falls mid-campaign.
 */
class CampaignRestartIT {

  private static final ParvisCommand PARVIS = new ParvisCommand(18480, "e2e-restart");
  private static final int SUBSCRIBERS = 12;
  private static final Map<String, String> SETTINGS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Mailbox.start();
    SETTINGS.put("PARVIS_SMTP_HOST", "127.0.0.1");
    SETTINGS.put("PARVIS_SMTP_PORT", "18025");
    // Its own embedded databases, fresh at each run (a first administrator is set up again).
    Path data = Path.of(System.getProperty("parvis.buildDir", "target"), "e2e-restart-data");
    if (java.nio.file.Files.exists(data)) {
      try (var files = java.nio.file.Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    SETTINGS.put("PARVIS_DATA_DIR", data.toString());
    // Three mails every five seconds: the campaign takes about twenty seconds.
    SETTINGS.put("PARVIS_NEWSLETTER_MAILS_PER_MINUTE", "36");
    assertThat(PARVIS.run("start", SETTINGS)).contains("Health: UP");
  }

  @AfterAll
  static void stop() throws Exception {
    PARVIS.run("stop", Map.of());
  }

  @Test
  void everyConfirmedSubscriberGetsTheCampaignOnceThroughAStopAndStart() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000);
    var addresses = new ArrayList<String>();
    for (int n = 0; n < SUBSCRIBERS; n++) {
      String email = "fidele-" + run + "-" + n + "@example.org";
      addresses.add(email);
      var visitor = new WebSession(PARVIS.baseUrl());
      visitor.get("/lettre/");
      visitor.submit("subscribe", "send", Map.of("email", email, "consent", "true"));
    }
    for (String email : addresses) {
      var link =
          Pattern.compile("(/lettre/confirmer\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})")
              .matcher(Mailbox.text(Mailbox.lastTo(email, "Confirmez votre inscription")));
      assertThat(link.find()).isTrue();
      var subscriber = new WebSession(PARVIS.baseUrl());
      subscriber.get(link.group(1));
      assertThat(subscriber.submit("confirm", "confirmButton", Map.of()).body())
          .contains("votre inscription est confirmée");
    }

    String subject = "Lettre reprise " + run;
    var editor = administrator();
    CampaignDesk.composeAndStart(editor, subject, "Une lettre qui doit arriver une fois.");

    await("three mails of the campaign before the stop")
        .atMost(Duration.ofSeconds(60))
        .until(() -> received(addresses, subject) >= 3);
    long beforeStop = received(addresses, subject);
    assertThat(beforeStop).as("stopped in the middle").isLessThan(SUBSCRIBERS);
    PARVIS.run("stop", Map.of());
    assertThat(PARVIS.run("start", SETTINGS)).contains("Health: UP");

    await("every subscriber's mail after the restart")
        .atMost(Duration.ofSeconds(120))
        .until(() -> received(addresses, subject) >= SUBSCRIBERS);
    // No second copy arrives while the relay goes on (it runs every few seconds).
    await("no subscriber gets the campaign twice")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(8))
        .until(() -> addresses.stream().allMatch(a -> Mailbox.countTo(a, subject) == 1));
  }

  private static long received(List<String> addresses, String subject) {
    return addresses.stream().mapToLong(a -> Mailbox.countTo(a, subject)).sum();
  }

  /** The instance's first administrator, set up with the code from its log, signed in. */
  private static WebSession administrator() throws Exception {
    var admin = new WebSession(PARVIS.baseUrl());
    admin.get("/console/");
    String code = PARVIS.setupCode();
    var created =
        admin.submit(
            "setup",
            "create",
            Map.of(
                "setupCode", code,
                "setupUsername", "admin-reprise",
                "setupDisplayName", "Admin",
                "setupEmail", "admin-reprise@example.org",
                "setupPassword", "une lettre envoyee une fois"));
    assertThat(created.statusCode()).isIn(302, 303);
    SecondFactor.enrol(admin);
    assertThat(admin.get("/console/staff/").statusCode()).isEqualTo(200);
    return admin;
  }
}
