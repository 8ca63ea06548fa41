package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on the deployed EAR: an action done in the console is written on the side it
 * concerns with who did it and from where; one refused (an error on the page) is not; exports are
 * written too; only administrators read the trail.
 */
class AuditIT {

  private static final String PASSWORD = "un mot de passe assez long pour le réseau";

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  private static Document trail(WebSession admin, String side, String action) {
    return Jsoup.parse(
        admin.get("/console/staff/admin/audit.xhtml?cote=" + side + "&action=" + action).body());
  }

  private static long count(Document page) {
    return page.select("#audit tbody tr").size();
  }

  @Test
  void consoleActionsAreWrittenOnTheirSideWhenTheySucceed() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "audite-" + id;
    MemberAccountsIT.registerAndConfirm(handle, "audite." + id + "@example.org", PASSWORD);
    var admin = Administrator.signedIn();
    long before = count(trail(admin, "network", "MANDATE_GRANTED"));

    admin.get("/console/staff/admin/officials.xhtml");
    var refused =
        admin.submit(
            "grant",
            "grantSubmit",
            Map.of(
                "handle", handle,
                "mandateTitle", "Maire de Guéret",
                "territoryKind", "COMMUNE",
                "territoryCode", "23096",
                "endsOn", "pas une date"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(count(trail(admin, "network", "MANDATE_GRANTED")))
        .as("a refused grant is not an action")
        .isEqualTo(before);

    admin.get("/console/staff/admin/officials.xhtml");
    admin.submit(
        "grant",
        "grantSubmit",
        Map.of(
            "handle", handle,
            "mandateTitle", "Maire de Guéret",
            "territoryKind", "COMMUNE",
            "territoryCode", "23096",
            "endsOn", LocalDate.now().plusYears(2).toString()));
    var network = trail(admin, "network", "MANDATE_GRANTED");
    assertThat(count(network)).isEqualTo(Math.min(before + 1, 50));
    var newest = network.selectFirst("#audit tbody tr");
    assertThat(newest.select("td").eachText())
        .contains(Administrator.USERNAME, "MANDATE_GRANTED", handle)
        .anyMatch(t -> t.matches("[0-9a-f:.]+"));
    assertThat(count(trail(admin, "brand", "MANDATE_GRANTED")))
        .as("the network's actions stay in the network's trail")
        .isZero();

    // An export is an action too.
    admin.get("/console/staff/dashboard/activite.csv?periode=7j");
    assertThat(trail(admin, "network", "ACTIVITY_EXPORTED").select("#audit td").eachText())
        .contains("periode=7j");

    // Filters stay in the address; only administrators read the trail.
    var filtered =
        Jsoup.parse(
            admin.get("/console/staff/admin/audit.xhtml?cote=network&qui=personne-" + id).body());
    assertThat(filtered.select("#auditNone")).hasSize(1);
    assertThat(filtered.select("input[name=qui]").attr("value")).isEqualTo("personne-" + id);
    var editor = Administrator.newStaff("audit-ed-" + id, "editor");
    assertThat(editor.get("/console/staff/admin/audit.xhtml").statusCode()).isEqualTo(403);
  }
}
