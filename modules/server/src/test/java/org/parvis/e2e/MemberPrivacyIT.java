package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member's privacy on the deployed EAR: they download all their data (JSON and a readable page,
 * every category, contributions included), then delete their account with their contributions; what
 * others did stays counted.
 */
class MemberPrivacyIT {

  /** Every category the export has (the network's own and moderation's). */
  static final List<String> CATEGORIES =
      List.of(
          "account",
          "consents",
          "securityLog",
          "sessions",
          "devices",
          "initiatives",
          "initiativeRevisions",
          "comments",
          "officialAnswers",
          "signatures",
          "joins",
          "follows",
          "notifications",
          "badges",
          "mandates",
          "reportsFiled",
          "appeals",
          "sanctions",
          "mails",
          "moderationDecisions",
          "trainingSamples",
          "requestsToTheDpo");

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void aMemberDownloadsAllTheirDataThenDeletesTheirContributionsAndAccount() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "partante-" + id;
    String other = "restant-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    MemberAccountsIT.registerAndConfirm(other, other + "@example.org", InitiativesIT.PASSWORD);
    var leaving = InitiativesIT.signIn(handle);
    var staying = InitiativesIT.signIn(other);
    long hers = InitiativesIT.propose(leaving, "Des nichoirs dans le parc " + id);
    long theirs = InitiativesIT.propose(staying, "Un banc près de la fontaine " + id);
    String theirPage = "/reseau/initiatives/voir.xhtml?id=" + theirs;
    leaving.get(theirPage);
    leaving.submit("actions", "actions:sign", Map.of());
    leaving.get(theirPage);
    leaving.submit(
        "comment",
        "comment:post",
        Map.of("comment:stance", "FOR", "comment:body", "Un banc à l’ombre, oui " + id));
    staying.get("/reseau/initiatives/voir.xhtml?id=" + hers);
    staying.submit("actions", "actions:sign", Map.of());

    assertThat(new WebSession().get("/reseau/compte/mes-donnees.zip").statusCode())
        .as("only for the member signed in")
        .isIn(302, 303, 403);
    // The archive is prepared in the background; the privacy centre shows it, then its link.
    leaving.get("/reseau/compte/vie-privee.xhtml");
    var queued = leaving.submit("archive", "prepareArchive", Map.of());
    assertThat(queued.statusCode()).isIn(302, 303);
    String link =
        org.awaitility.Awaitility.await("the archive's link in the privacy centre")
            .atMost(java.time.Duration.ofSeconds(30))
            .until(
                () ->
                    Jsoup.parse(leaving.get("/reseau/compte/vie-privee.xhtml").body())
                        .select("#archiveReady")
                        .attr("href"),
                href -> !href.isEmpty());
    assertThat(link)
        .as("the archive became ready")
        .contains("/reseau/compte/mes-donnees.zip?archive=");
    assertThat(staying.get(link).statusCode()).as("nobody else's").isEqualTo(404);
    assertThat(Mailbox.textTo(handle + "@example.org", "archive de toutes vos données"))
        .contains("/reseau/compte/vie-privee.xhtml");
    var zip = download(leaving, link);
    assertThat(zip).containsKeys("donnees.json", "index.html");
    String json = zip.get("donnees.json");
    for (String category : CATEGORIES) {
      assertThat(json).as(category).contains("\"" + category + "\"");
    }
    assertThat(json)
        .contains(
            handle + "@example.org",
            "Des nichoirs dans le parc " + id,
            "Un banc à l’ombre, oui " + id);
    assertThat(zip.get("index.html")).contains("<h2 id=\"comments\">comments (1)</h2>");

    // The privacy centre: the ledger shows the membership consent; withdrawing and giving back the
    // optional ones is one click each, and each change is recorded.
    leaving.get("/reseau/compte/vie-privee.xhtml");
    leaving.submit("choices", "emailsOff", Map.of());
    leaving.get("/reseau/compte/vie-privee.xhtml");
    leaving.submit("choices", "rankingsOff", Map.of());
    leaving.get("/reseau/compte/vie-privee.xhtml");
    var centre = Jsoup.parse(leaving.submit("choices", "emailsOn", Map.of()).body());
    centre = Jsoup.parse(leaving.get("/reseau/compte/vie-privee.xhtml").body());
    assertThat(centre.select("#emailsChoice strong").text()).isEqualTo("oui");
    assertThat(centre.select("#rankingsChoice strong").text()).isEqualTo("non");
    assertThat(centre.select("#ledger td.purpose").eachText())
        .contains(
            "Participer au réseau d’un parti (donnée révélant une opinion politique, art. 9 RGPD)",
            "Recevoir des notifications par courriel",
            "Figurer dans les classements publics");
    assertThat(centre.select("#ledger tr").size()).as("header + 4 lines").isGreaterThanOrEqualTo(5);

    long signaturesBefore = signatureCount(theirPage);
    leaving.get("/reseau/compte/supprimer.xhtml");
    var fields =
        new HashMap<>(Map.of("contributions", "DELETE", "password", InitiativesIT.PASSWORD));
    var unconfirmed = leaving.submit("erasure", "erase", fields);
    assertThat(Jsoup.parse(unconfirmed.body()).select(".field-error").text()).contains("Cochez");
    leaving.get("/reseau/compte/supprimer.xhtml");
    fields.put("confirmed", "true");
    assertThat(
            leaving
                .submit("erasure", "erase", fields)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .contains("compte-supprime");

    var reader = new WebSession();
    var page = Jsoup.parse(reader.get(theirPage).body());
    assertThat(page.text()).doesNotContain("Un banc à l’ombre, oui " + id);
    assertThat(signatureCount(theirPage))
        .as("her signature still counts")
        .isEqualTo(signaturesBefore);
    var withdrawn = reader.get("/reseau/initiatives/voir.xhtml?id=" + hers);
    assertThat(withdrawn.body()).doesNotContain("Des nichoirs dans le parc " + id);
    assertThat(reader.get("/reseau/membres/profil.xhtml?pseudo=" + handle).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theDataProtectionOfficerReadsAndExportsTheProcessingRegister() {
    var admin = Administrator.signedIn();
    var page = Jsoup.parse(admin.get("/console/staff/privacy/register.xhtml").body());
    assertThat(page.select("#register code").eachText())
        .contains(
            "member_account.email",
            "newsletter_subscriber.email",
            "moderation_report.details",
            "member_security_event.remote_address");
    var csv = admin.get("/console/staff/privacy/register.csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("database,module,table,column,category,purpose,retention,legal basis")
        .contains("\"network\",\"social-network\",\"member_account\",\"email\"");
    assertThat(new WebSession().get("/console/staff/privacy/register.xhtml").statusCode())
        .as("staff only")
        .isIn(302, 303, 401, 403);
  }

  @Test
  void theDataProtectionOfficerRunsTheRetentionJobOnBothDatabases() throws Exception {
    var admin = Administrator.signedIn();
    var page = Jsoup.parse(admin.get("/console/staff/privacy/retention.xhtml").body());
    assertThat(page.select("#retentionCategories code").eachText())
        .contains("network.inactive-account", "P3Y", "brand.unconfirmed-subscription", "P2D");
    page = RetentionDesk.runNow(admin);
    var journal = page.select("#retentionJournal code").eachText();
    assertThat(RetentionDesk.status(page))
        .as("the Jakarta Batch job ran on Payara Server")
        .startsWith("COMPLETED (COMPLETED)");
    assertThat(journal)
        .as("each side journals its own categories")
        .contains("network.security-log", "network.inactive-account", "brand.mail");
    assertThat(new WebSession().get("/console/staff/privacy/retention.xhtml").statusCode())
        .as("staff only")
        .isIn(302, 303, 401, 403);
  }

  @Test
  void theDataProtectionOfficerKeepsTheRegisterOfRequestsWithTheirDeadlines() {
    var dpo = Administrator.signedIn();
    dpo.get(RequestRegister.LIST);
    var refused =
        Jsoup.parse(
            dpo.submit(
                    "newRequest",
                    "recordRequest",
                    Map.of("kind", "", "requester", " ", "subject", "", "receivedOn", "2999-01-01"))
                .body());
    assertThat(refused.select(".field-error").eachText())
        .contains(
            "Choisissez le droit exercé.",
            "Indiquez la personne concernée (254 caractères au plus).",
            "La date de réception est une date passée de moins d’un an.");

    String handle = "demande-" + System.nanoTime();
    String page =
        RequestRegister.record(
            dpo, "NETWORK", "ERASURE", "Courrier de M. Durand, 3 rue Haute", handle);
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    var shown = Jsoup.parse(dpo.get(page).body());
    assertThat(shown.select("#dueOn").text())
        .as(page + ": " + shown.text())
        .isEqualTo(today.plusMonths(1).toString());
    assertThat(shown.select("#requestStatus").text()).isEqualTo("Reçue");

    var closedTooSoon =
        Jsoup.parse(
            dpo.submit(
                    "handling", "saveRequest", Map.of("status", "DONE", "action", "", "proof", ""))
                .body());
    assertThat(closedTooSoon.select(".field-error").eachText())
        .contains("Décrivez la suite donnée avant de clore la demande.");

    dpo.get(page);
    dpo.submit(
        "handling",
        "saveRequest",
        Map.of("status", "IN_PROGRESS", "extensionReason", "Plusieurs comptes à vérifier"));
    shown = Jsoup.parse(dpo.get(page).body());
    assertThat(shown.select("#dueOn").text()).isEqualTo(today.plusMonths(3).toString());
    assertThat(shown.select("#requestStatus").text()).isEqualTo("En cours");
    assertThat(shown.select("#extensionReason")).as("extended once only").isEmpty();

    dpo.submit(
        "handling",
        "saveRequest",
        Map.of(
            "status", "DONE",
            "action", "Compte effacé, contributions gardées anonymes",
            "proof", "Lettre recommandée n° 1A 234 du jour"));
    shown = Jsoup.parse(dpo.get(page).body());
    assertThat(shown.select("#requestStatus").text()).isEqualTo("Traitée");
    assertThat(shown.select("#proofSent").text()).contains("1A 234");
    assertThat(shown.select("#handling")).as("closed: no more changes").isEmpty();

    String email = "lettre-" + System.nanoTime() + "@example.org";
    String brandPage =
        RequestRegister.record(dpo, "BRAND", "ACCESS", "Mme Petit, par courriel", email);
    dpo.get(brandPage);
    assertThat(dpo.submit("dataTools", "downloadData", Map.of()).body())
        .as("nobody with that address on the brand side")
        .contains("Personne ne correspond à la personne concernée");
    var list = Jsoup.parse(dpo.get(RequestRegister.LIST).body());
    assertThat(list.select("#requests .subject").eachText()).contains(handle, email);
    assertThat(dpo.get("/console/staff/privacy/request.xhtml?side=BRAND&id=999999").statusCode())
        .isEqualTo(404);
    assertThat(new WebSession().get(RequestRegister.LIST).statusCode())
        .as("staff only")
        .isIn(302, 303, 401, 403);
  }

  @Test
  void theDataProtectionOfficerCarriesOutAnErasureRequestReceivedByLetter() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "parlettre-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var dpo = Administrator.signedIn();
    String page =
        RequestRegister.record(dpo, "NETWORK", "ERASURE", "Lettre de la personne", "@" + handle);

    dpo.get(page);
    var data = dpo.submit("dataTools", "downloadData", Map.of());
    assertThat(data.headers().firstValue("Content-Disposition").orElse(""))
        .contains("donnees-demande-network-");
    assertThat(data.body()).contains(handle + "@example.org", "\"account\"");

    dpo.get(page);
    var unconfirmed = Jsoup.parse(dpo.submit("dataTools", "eraseSubject", Map.of()).body());
    assertThat(unconfirmed.select(".field-error").text())
        .isEqualTo("Cochez la confirmation pour effacer.");
    assertThat(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + handle).statusCode())
        .isEqualTo(200);

    dpo.get(page);
    var erased = dpo.submit("dataTools", "eraseSubject", Map.of("confirmErasure", "true"));
    assertThat(erased.statusCode()).isIn(302, 303);
    assertThat(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + handle).statusCode())
        .as("the member is gone")
        .isEqualTo(404);
    var shown = Jsoup.parse(dpo.get(page).body());
    assertThat(shown.select("#action").text())
        .contains("données de la personne exportées", "données effacées depuis la console");
    dpo.get(page);
    assertThat(dpo.submit("dataTools", "eraseSubject", Map.of("confirmErasure", "true")).body())
        .as("erased already")
        .contains("Personne ne correspond");
  }

  private static long signatureCount(String page) {
    String text = Jsoup.parse(new WebSession().get(page).body()).select("#signatureCount").text();
    return Long.parseLong(text.replaceAll("\\D", ""));
  }

  /** The entries of the ZIP the session downloads, as text. */
  private static Map<String, String> download(WebSession session, String path) throws Exception {
    var bytes = session.getBytes(path);
    var entries = new HashMap<String, String>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
