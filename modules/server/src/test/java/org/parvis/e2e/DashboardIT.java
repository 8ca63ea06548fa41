package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's dashboard on the deployed EAR: figures for each period against the one before,
 * charts served as SVG with their tables of numbers, what needs attention shown to those who act on
 * it. (The counts themselves are checked against the database in ActivityCountsIT.)
 */
class DashboardIT {

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void eachPeriodShowsItsFiguresAndChartsWithTheirNumbers() {
    var admin = Administrator.signedIn();
    for (var period : Map.of("7j", 7, "30j", 30, "12m", 12).entrySet()) {
      var page = Jsoup.parse(admin.get("/console/staff/?periode=" + period.getKey()).body());
      assertThat(page.select("#network .dashboard-figures li")).hasSize(7);
      assertThat(page.select("#figure-SIGNATURES .figure").text()).matches("[\\d\\s\u202f]+");
      assertThat(page.select(".periods a[aria-current=page]").attr("href"))
          .isEqualTo("?periode=" + period.getKey());
      var chart = page.selectFirst("#chart-participation img.wide");
      var narrow = admin.get(page.selectFirst("#chart-participation img.narrow").attr("src"));
      assertThat(narrow.body()).contains("<svg").contains("width='360.0'");
      assertThat(chart.attr("alt")).isNotBlank();
      // One row per day, or per month over a year (12 or 13 months touched).
      int rows = page.select("#chart-participation table tbody tr").size();
      if (period.getValue() == 12) {
        assertThat(rows).isBetween(12, 13);
      } else {
        assertThat(rows).isEqualTo(period.getValue());
      }
      var svg = admin.get(chart.attr("src").replace("&amp;", "&"));
      assertThat(svg.statusCode()).isEqualTo(200);
      assertThat(svg.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("image/svg+xml");
      assertThat(svg.body()).contains("<svg").contains("Signatures");
    }
    assertThat(
            Jsoup.parse(admin.get("/console/staff/?periode=n'importe").body())
                .select(".periods a[aria-current=page]")
                .attr("href"))
        .as("an unknown period is 30 days")
        .isEqualTo("?periode=30j");
    assertThat(admin.get("/console/staff/dashboard/chart.svg?courbes=PERSONNE").statusCode())
        .isEqualTo(400);

    // The same numbers as CSV: a header, one row per day, every figure the sum of its column.
    var page = Jsoup.parse(admin.get("/console/staff/?periode=7j").body());
    var csv = admin.get(page.selectFirst("#activityCsv").attr("href"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    var lines = csv.body().replace("\ufeff", "").split("\r\n");
    assertThat(lines[0]).startsWith("Jour,Inscriptions,Adresses confirmées,");
    assertThat(lines).hasSize(8);
    long signatures = 0;
    for (int i = 1; i < lines.length; i++) {
      signatures += Long.parseLong(lines[i].split(",")[4]);
    }
    assertThat(page.select("#figure-SIGNATURES .figure").text().replaceAll("\\D", ""))
        .isEqualTo(Long.toString(signatures));

    // Signatures by the signers' commune: counts only, small ones hidden; a bad id is a 400.
    var places = admin.get(page.selectFirst("#signaturesCsv").attr("href"));
    assertThat(places.statusCode()).isEqualTo(200);
    assertThat(places.body().replace("\ufeff", ""))
        .startsWith("Code du département,Département,Code de la commune,Commune,Signatures\r\n");
    assertThat(admin.get("/console/staff/network/signatures.csv?initiative=abc").statusCode())
        .isEqualTo(400);

    // Every published initiative with its numbers, streamed; the export is in the audit trail.
    var initiatives = admin.get(page.selectFirst("#initiativesCsv").attr("href"));
    assertThat(initiatives.statusCode()).isEqualTo(200);
    assertThat(initiatives.body().replace("\ufeff", ""))
        .startsWith("Numéro,Titre,Statut,Thème,Échelon,Code du territoire,Territoire,");
    assertThat(
            Jsoup.parse(
                    admin
                        .get(
                            "/console/staff/admin/audit.xhtml?cote=network&action=INITIATIVES_EXPORTED")
                        .body())
                .select("#audit tbody tr"))
        .isNotEmpty();
  }

  @Test
  void thePageShownIsMarkedInTheMenuAndSaidInTheBreadcrumbs() {
    var page =
        Jsoup.parse(Administrator.signedIn().get("/console/staff/moderation/queue.xhtml").body());
    assertThat(page.select("nav.crumbs li").eachText())
        .containsExactly("Tableau de bord", "Modération", "File de modération");
    assertThat(page.select("nav#menu a[aria-current=page]").eachText())
        .containsExactly("File de modération");
  }

  @Test
  void attentionIsForThoseWhoActOnIt() {
    String id = Long.toString(System.nanoTime() % 100_000);
    var moderator = Administrator.newStaff("dash-mod-" + id, "moderator");
    var editor = Administrator.newStaff("dash-ed-" + id, "editor");
    assertThat(Jsoup.parse(moderator.get("/console/staff/").body()).select("#attention a"))
        .extracting(a -> a.attr("href"))
        .containsExactly(
            "/console/staff/moderation/queue.xhtml", "/console/staff/moderation/frozen.xhtml");
    var editorsPage = Jsoup.parse(editor.get("/console/staff/").body());
    assertThat(editorsPage.select("#attention")).isEmpty();
    assertThat(editorsPage.select("#system")).as("the system is the administrators'").isEmpty();
    var adminsPage = Jsoup.parse(Administrator.signedIn().get("/console/staff/").body());
    assertThat(adminsPage.select("#system li").eachText())
        .anyMatch(t -> t.startsWith("Base du site En service"))
        .anyMatch(t -> t.startsWith("Base du réseau En service"))
        .anyMatch(t -> t.startsWith("Courriels du site"))
        .anyMatch(t -> t.startsWith("Courriels du réseau"));
    assertThat(editorsPage.select("#network .dashboard-figures li")).hasSize(7);
    assertThat(editorsPage.select("#subscribers").text())
        .as("editors see the newsletter's audience")
        .matches("\\d+");
    assertThat(Jsoup.parse(moderator.get("/console/staff/").body()).select("#newsletter"))
        .isEmpty();

    // The DPO: open requests, those overdue and the next deadline, counted on both sides.
    var dpo = Administrator.newStaff("dash-dpo-" + id, "data_protection_officer");
    long before = openRequests(dpo);
    RequestRegister.record(dpo, "NETWORK", "ACCESS", "Camille Dash", "dash-" + id + "@example.org");
    var dposPage = Jsoup.parse(dpo.get("/console/staff/").body());
    assertThat(openRequests(dpo)).isEqualTo(before + 1);
    assertThat(dposPage.select("#attention a"))
        .extracting(a -> a.attr("href"))
        .containsExactly("/console/staff/privacy/requests.xhtml");
    assertThat(dposPage.select("#privacyRequests .change").text())
        .contains("prochaine échéance le");
  }

  private static long openRequests(WebSession dpo) {
    return Long.parseLong(
        Jsoup.parse(dpo.get("/console/staff/").body()).select("#privacyOpen").text());
  }
}
