package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verified officials on the deployed EAR: an administrator grants a mandate in the console, the
 * badge shows on the member's profile, the official must set up a second factor and then uses it at
 * every sign-in, and a revoked mandate removes the badge.
 */
class OfficialsIT {

  private static final String PASSWORD = "la mairie de Guéret sur la place Bonnyaud";

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void aGrantedMandateShowsABadgeAndMakesTheSecondFactorMandatory() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "maire-" + id;
    String email = "maire." + id + "@example.org";
    MemberAccountsIT.registerAndConfirm(handle, email, PASSWORD);

    var admin = Administrator.signedIn();
    admin.get("/console/staff/admin/officials.xhtml");
    var badDate =
        admin.submit(
            "grant",
            "grantSubmit",
            Map.of(
                "handle", handle,
                "mandateTitle", "Maire de Guéret",
                "territoryKind", "COMMUNE",
                "territoryCode", "23096",
                "endsOn", "pas une date"));
    assertThat(badDate.statusCode()).isEqualTo(200);
    assertThat(badDate.body()).contains("La fin du mandat est une date à venir");
    var granted =
        admin.submit(
            "grant",
            "grantSubmit",
            Map.of(
                "handle", handle,
                "mandateTitle", "Maire de Guéret",
                "territoryKind", "COMMUNE",
                "territoryCode", "23096",
                "endsOn", LocalDate.now().plusYears(3).toString()));
    assertThat(Jsoup.parse(granted.body()).select(".messages").text())
        .contains("Mandat accordé à @" + handle);

    var profile =
        Jsoup.parse(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + handle).body());
    assertThat(profile.select(".badge.official").text())
        .contains("Élu·e vérifié·e", "Maire de Guéret");

    var official = new WebSession();
    official.get("/reseau/connexion.xhtml");
    var signedIn =
        official.submit("signin", "submit", Map.of("email", email, "password", PASSWORD));
    assertThat(signedIn.headers().firstValue("Location").orElseThrow())
        .contains("/compte/double-authentification.xhtml");
    assertThat(official.get("/reseau/compte/").headers().firstValue("Location").orElseThrow())
        .as("nothing else before the second factor")
        .contains("/compte/double-authentification.xhtml");
    var factor =
        SecondFactor.enrol(official, "/reseau/compte/double-authentification.xhtml", email);
    assertThat(official.get("/reseau/compte/").statusCode()).isEqualTo(200);

    // She says how words about her agree; the profile follows, and a forged value changes nothing.
    var feminine = official.submit("genderForm", "saveGender", Map.of("gender", "FEMININE"));
    assertThat(feminine.statusCode()).isIn(302, 303);
    String profileAddress = "/reseau/membres/profil.xhtml?pseudo=" + handle;
    assertThat(
            Jsoup.parse(new WebSession().get(profileAddress).body())
                .select(".badge.official")
                .text())
        .contains("Élue vérifiée")
        .doesNotContain("·");
    assertThat(Jsoup.parse(new WebSession().get(profileAddress).body()).text())
        .contains("auxquelles elle a répondu");
    official.get("/reseau/compte/");
    var forged = official.submit("genderForm", "saveGender", Map.of("gender", "NEUTER"));
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(forged.body()).select(".field-error").text()).isNotBlank();
    assertThat(
            Jsoup.parse(new WebSession().get(profileAddress).body())
                .select(".badge.official")
                .text())
        .contains("Élue vérifiée");

    var again = new WebSession();
    again.get("/reseau/connexion.xhtml");
    var passwordStep =
        again.submit("signin", "submit", Map.of("email", email, "password", PASSWORD));
    assertThat(Jsoup.parse(passwordStep.body()).selectFirst("form#secondFactor")).isNotNull();
    var wrong = again.submit("secondFactor", "verify", Map.of("code", "000000"));
    assertThat(wrong.body()).contains("Ce code n’est pas le bon");
    var verified = again.submit("secondFactor", "verify", Map.of("code", factor.nextCode()));
    assertThat(verified.headers().firstValue("Location").orElseThrow()).contains("/compte/");

    // Found by a search kept in the address, with the count of what matches.
    var list =
        Jsoup.parse(
            admin
                .get("/console/staff/admin/officials.xhtml?q=" + handle + "&tri=territoire")
                .body());
    assertThat(list.select("#mandatesCount").text()).isEqualTo("1 mandat en cours");
    assertThat(list.select("#mandates tbody tr")).hasSize(1);
    var row = list.select("#mandates tr:has(td:containsOwn(@" + handle + "))").first();
    String revoke = row.select("input[type=submit]").last().attr("name");
    var revoked = admin.submit("mandateList", revoke, Map.of());
    assertThat(revoked.body()).contains("Le mandat est retiré");
    assertThat(
            Jsoup.parse(admin.get("/console/staff/admin/officials.xhtml?q=" + handle).body())
                .select("#mandatesNone")
                .text())
        .contains("Aucun mandat en cours pour ce filtre");
    var after =
        Jsoup.parse(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + handle).body());
    assertThat(after.select(".badge.official")).isEmpty();
  }

  @Test
  void moderatorsSeeTheFrozenAccountsQueue() {
    var admin = Administrator.signedIn();
    var page = admin.get("/console/staff/moderation/frozen.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Comptes gelés");
  }
}
