package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system page on the deployed EAR: the version the build wrote, every module's database
 * answering with its migrations applied, both outboxes, the room pictures and archives take, and
 * the settings the server was started with, secrets masked. (Who may open it: ConsoleRolesIT.)
 */
class SystemPageIT {

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void administratorsSeeWhatRunsAndHowWithSecretsMasked() throws InterruptedException {
    var admin = Administrator.signedIn();
    RetentionDesk.runNow(admin);
    var response = admin.get("/console/staff/admin/system.xhtml");
    assertThat(response.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(response.body());

    assertThat(page.select("#parvisVersion").text()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

    var schemas = page.select("#schemas tbody tr");
    assertThat(schemas.eachText())
        .as("brand, network and moderation's tables")
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(
            row -> {
              assertThat(row).contains("Disponible");
              assertThat(row).containsPattern("\\d+ appliquées · à jour");
              assertThat(row).doesNotContain("en échec");
            });
    assertThat(page.select("#schemas").text()).contains("brand", "network");

    assertThat(page.select("#outbox-brand h3").text()).isEqualTo("Courriels du site");
    assertThat(page.select("#outbox-network h3").text()).isEqualTo("Courriels du réseau");

    assertThat(page.select("#usage tbody th").eachText())
        .containsExactlyInAnyOrder(
            "Images du site (toutes tailles)",
            "Logo, icône et image de partage du parti",
            "Images des initiatives",
            "Archives des membres (conservées 7 jours)");
    assertThat(page.select("#usage tbody td").eachText())
        .anyMatch(size -> size.matches("[\\d  ,]+ (octets|Ko|Mo|Go)"));

    assertThat(page.select("#executions tbody tr").eachText())
        .as("the batch jobs' executions, the retention run just made among them")
        .anyMatch(row -> row.startsWith("parvis-retention") && row.contains("COMPLETED"));

    assertThat(page.select("#scheduledJobs tbody th").eachText())
        .as("the scheduled jobs of both sides, run since the server started")
        .anySatisfy(
            job -> assertThat(job).startsWith("Signatures comptées").endsWith("network.rollup"))
        .anySatisfy(job -> assertThat(job).endsWith("brand.publishing"));
    assertThat(page.select("#scheduledJobs tbody tr").eachText())
        .allMatch(row -> row.matches(".*(réussie|en échec).* ms .*"), "a result and a duration");

    var settings = page.select("#settings > div");
    assertThat(settings.eachText())
        .anyMatch(row -> row.matches("PARVIS_SMTP_HOST 127\\.0\\.0\\.1"));
    assertThat(settings.eachText())
        .as("secrets masked")
        .anyMatch(row -> row.equals("PARVIS_TLS_KEY masqué (défini)"))
        .noneMatch(row -> row.contains("privkey.pem"))
        .noneMatch(row -> row.startsWith("PARVIS_SECRETS_KEY") && !row.endsWith("masqué (défini)"));

    assertThat(Jsoup.parse(admin.get("/console/staff/").body()).select("nav#menu a").eachText())
        .contains("Système");
  }
}
