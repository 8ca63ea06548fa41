package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's CSV exports read back with a CSV library, as a spreadsheet would, and checked
 * against what Parvis shows elsewhere from the same database: an official's row against their
 * public profile, an initiative's row against the API, moderation's months against the public
 * transparency page. Each export is written to the audit trail.
 */
class ExportsIT {

  private static final String PASSWORD = "un mot de passe assez long pour le réseau";

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void exportsParseAndAgreeWithWhatParvisShowsElsewhere() throws IOException {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String official = "exporte-" + id;
    MemberAccountsIT.registerAndConfirm(official, official + "@example.org", PASSWORD);
    var admin = Administrator.signedIn();
    long officialsExports = audited(admin, "network", "OFFICIALS_EXPORTED");
    long moderationExports = audited(admin, "network", "MODERATION_EXPORTED");
    long newsletterExports = audited(admin, "brand", "NEWSLETTER_EXPORTED");
    admin.get("/console/staff/admin/officials.xhtml");
    admin.submit(
        "grant",
        "grantSubmit",
        Map.of(
            "handle", official,
            "mandateTitle", "Conseillère municipale de Guéret",
            "territoryKind", "COMMUNE",
            "territoryCode", "23096",
            "endsOn", LocalDate.now().plusYears(2).toString()));
    String citizen = "citoyen-" + id;
    MemberAccountsIT.registerAndConfirm(citizen, citizen + "@example.org", InitiativesIT.PASSWORD);
    var writer = InitiativesIT.signIn(citizen);
    String title = "Des bancs au square " + id + ", \"vite\"";
    long initiative = InitiativesIT.propose(writer, title);
    writer.call(
        "POST", "/reseau/api/initiatives/" + initiative + "/signature", "X-Requested-With", "test");

    // Officials: the row of this mandate says what the official's public profile says.
    var officials = csv(admin, "/console/staff/network/elus.csv");
    assertThat(officials.get(0).values())
        .startsWith("Pseudo", "Nom", "Mandat", "Échelon", "Code du territoire", "Territoire");
    var row = officials.stream().filter(r -> r.get(0).equals(official)).findFirst().orElseThrow();
    assertThat(row.get(2)).isEqualTo("Conseillère municipale de Guéret");
    assertThat(row.get(4)).isEqualTo("23096");
    var profile =
        Jsoup.parse(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + official).body());
    String shown = profile.selectFirst("#answeredCount").parent().text();
    assertThat(shown).endsWith(row.get(8) + " / " + row.get(7));
    assertThat(Long.parseLong(row.get(7))).as("the new initiative was routed to them").isPositive();

    // Initiatives: the row of this one, its title as written (quotes and comma), its count once
    // the roll-up has folded the signature in (every 2 s), the API's exact count.
    Http.awaitBody("/reseau/api/initiatives/" + initiative, "\"signatures\":1");
    var line =
        org.awaitility.Awaitility.await("the signature rolled up into the export")
            .atMost(java.time.Duration.ofSeconds(20))
            .until(
                () ->
                    csv(admin, "/console/staff/network/initiatives.csv").stream()
                        .filter(r -> r.get(0).equals(Long.toString(initiative)))
                        .findFirst()
                        .orElseThrow(),
                r -> r.get(9).equals("1"));
    assertThat(line.get(1)).isEqualTo(title);

    // The console's list of initiatives finds it by words of its title, with the export's figures.
    String words = "/console/staff/network/initiatives.xhtml?q=square+" + id;
    String scope = line.get(4);
    var found = Jsoup.parse(admin.get(words + "&sansReponse=1&echelon=" + scope).body());
    assertThat(found.select("#initiativesCount").text()).startsWith("1 initiative");
    var cellsOfIt = found.select("#initiatives tbody tr").first().select("td").eachText();
    assertThat(cellsOfIt.get(0)).isEqualTo(title);
    assertThat(cellsOfIt)
        .contains("ouverte", line.get(9) + " / " + line.get(10), line.get(11), "en attente");
    assertThat(Jsoup.parse(admin.get(words + "&etat=closes").body()).select("#initiativesNone"))
        .hasSize(1);
    String otherScope = scope.equals("NATIONAL") ? "COMMUNE" : "NATIONAL";
    assertThat(
            Jsoup.parse(admin.get(words + "&echelon=" + otherScope).body())
                .select("#initiativesNone"))
        .hasSize(1);

    // Moderation by month: this month's row equals the public transparency page's.
    var months = csv(admin, "/console/staff/moderation/transparence.csv");
    assertThat(months.get(0).size()).isEqualTo(18);
    var thisMonth = months.get(1);
    assertThat(thisMonth.get(0)).isEqualTo(YearMonth.now(ZoneId.of("UTC")).toString());
    var page = Jsoup.parse(new WebSession().get("/reseau/transparence.xhtml").body());
    var cells = page.select("#figures tbody tr").first().select("td").eachText();
    assertThat(List.of(thisMonth.values()).subList(1, 12))
        .as("reports by reason and decisions by kind")
        .containsExactlyElementsOf(cells.subList(0, 11));
    assertThat(List.of(thisMonth.get(15), thisMonth.get(16)))
        .as("automatic and human")
        .containsExactly(cells.get(11), cells.get(12));

    // The newsletter's campaigns: a draft written now is there, with the page's campaigns.
    String subject = "Lettre exportée " + id;
    admin.get("/console/staff/content/newsletter.xhtml");
    admin.submit(
        "compose", "saveDraft", Map.of("subject", subject, "theme", "", "body", "Bonjour " + id));
    var campaigns = csv(admin, "/console/staff/content/lettre.csv");
    assertThat(campaigns.get(0).values()).startsWith("Numéro", "Objet", "Thème", "Statut");
    var listed =
        Jsoup.parse(admin.get("/console/staff/content/newsletter.xhtml").body())
            .select("tr.campaign .subject")
            .eachText();
    assertThat(campaigns.stream().skip(1).map(r -> r.get(1)).toList())
        .contains(subject)
        .containsAll(listed);
    var draft = campaigns.stream().filter(r -> r.get(1).equals(subject)).findFirst().orElseThrow();
    assertThat(List.of(draft.get(3), draft.get(9))).containsExactly("DRAFT", "0");

    // Each export is one more entry of its kind in the audit trail of its side.
    assertThat(audited(admin, "network", "OFFICIALS_EXPORTED")).isEqualTo(officialsExports + 1);
    assertThat(audited(admin, "network", "MODERATION_EXPORTED")).isEqualTo(moderationExports + 1);
    assertThat(audited(admin, "brand", "NEWSLETTER_EXPORTED")).isEqualTo(newsletterExports + 1);
  }

  /** How many entries of the action the side's audit trail holds (its page's count). */
  static long audited(WebSession admin, String side, String action) {
    String count =
        Jsoup.parse(
                admin
                    .get("/console/staff/admin/audit.xhtml?cote=" + side + "&action=" + action)
                    .body())
            .select("#auditCount")
            .text();
    return count.startsWith("Aucune") ? 0 : Long.parseLong(count.replaceAll("\\D", ""));
  }

  /** The export's records, header first, read as RFC 4180 after its byte-order mark. */
  static List<CSVRecord> csv(WebSession staff, String path) throws IOException {
    var response = staff.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String body = response.body();
    assertThat(body).as("UTF-8 with a byte-order mark").startsWith("\ufeff");
    try (var parser = CSVFormat.RFC4180.parse(new StringReader(body.substring(1)))) {
      return parser.getRecords();
    }
  }
}
