package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Members on the deployed EAR, with real mails: registration, confirmation link, sign-in, public
 * profile, password reset, and forms refused without their CSRF token.
 */
class MemberAccountsIT {

  private static final String PASSWORD = "la halle aux grains de Guéret";

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void registerConfirmByMailSignInAndShowAProfileWithoutTheEmail() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "jeanne." + id + "@example.org";
    String handle = "jeanne-" + id;
    var visitor = new WebSession();
    visitor.get("/reseau/inscription.xhtml");
    var fields = new HashMap<>(registration(handle, email));
    fields.remove("communeCode");
    var ambiguous = visitor.submit("register", "submit", fields);
    assertThat(ambiguous.body()).contains("Ce code postal couvre plusieurs communes");
    assertThat(Jsoup.parse(ambiguous.body()).select("#communeCode option").eachText())
        .contains("Guéret", "Sainte-Feyre");

    var registered = visitor.submit("register", "submit", registration(handle, email));
    assertThat(registered.statusCode()).as(registered.body()).isIn(302, 303);
    var sentPage = visitor.get("/reseau/inscription.xhtml?envoye=1");
    assertThat(sentPage.body()).contains("Un message de confirmation part vers " + email);

    var mail = Mailbox.lastTo(email, "Confirmez votre adresse");
    assertThat(Mailbox.body(mail)).contains("Bonjour Jeanne Barret");

    var early = signIn(new WebSession(), email, PASSWORD);
    assertThat(early.body()).contains("Confirmez d’abord votre adresse");

    var member = new WebSession();
    var confirmPage = member.get(Mailbox.linkPath(mail));
    assertThat(confirmPage.statusCode()).isEqualTo(200);
    var confirmed = member.submit("confirm", "submit", Map.of());
    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .contains("/connexion.xhtml");
    assertThat(member.get("/reseau/connexion.xhtml").body())
        .contains("Votre adresse est confirmée");

    String before = member.sessionId();
    var signedIn = signIn(member, email.toUpperCase(), PASSWORD);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/compte/");
    assertThat(member.sessionId()).as("session id rotated at sign-in").isNotEqualTo(before);
    var accountPage = member.get("/reseau/compte/index.xhtml");
    assertThat(accountPage.statusCode()).as(accountPage.body()).isEqualTo(200);
    var account = Jsoup.parse(accountPage.body());
    assertThat(account.select("#email").text()).contains(email);
    assertThat(account.select("#security-log tbody tr").first().text()).contains("Connexion");

    var profile = new WebSession().get("/reseau/membres/profil.xhtml?pseudo=" + handle);
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(profile.body()).select("#displayName").text())
        .isEqualTo("Jeanne Barret");
    assertThat(profile.body()).contains("Guéret").doesNotContain(email);
    assertThat(new WebSession().get("/reseau/membres/profil.xhtml?pseudo=nobody-here").statusCode())
        .isEqualTo(404);

    assertThat(member.get("/console/staff/").statusCode())
        .as("a member is not staff")
        .isIn(302, 303);
  }

  @Test
  void aResetLinkSetsANewPasswordOnce() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "louise." + id + "@example.org";
    var visitor = new WebSession();
    visitor.get("/reseau/inscription.xhtml");
    visitor.submit("register", "submit", registration("louise-" + id, email));
    Mailbox.lastTo(email, "Confirmez votre adresse");

    visitor.get("/reseau/mot-de-passe-oublie.xhtml");
    var asked = visitor.submit("forgot", "submit", Map.of("email", email));
    assertThat(asked.statusCode()).isIn(302, 303);
    visitor.get("/reseau/mot-de-passe-oublie.xhtml");
    var unknown = visitor.submit("forgot", "submit", Map.of("email", "nobody." + email));
    assertThat(unknown.headers().firstValue("Location"))
        .as("the same answer for an unknown address")
        .isEqualTo(asked.headers().firstValue("Location"));

    String link = Mailbox.linkPath(Mailbox.lastTo(email, "Nouveau mot de passe"));
    var page = visitor.get(link);
    assertThat(Jsoup.parse(page.body()).selectFirst("form#reset")).isNotNull();
    String newPassword = "le pont de la Creuse au printemps";
    var reset =
        visitor.submit(
            "reset", "submit", Map.of("password", newPassword, "confirmation", newPassword));
    assertThat(reset.headers().firstValue("Location").orElseThrow()).contains("/connexion.xhtml");

    var again = visitor.get(link);
    assertThat(Jsoup.parse(again.body()).select("#invalid").text())
        .contains("n’est pas ou plus valable");
    assertThat(signIn(new WebSession(), email, newPassword).statusCode()).isIn(302, 303);
    assertThat(Mailbox.countTo("nobody." + email)).isZero();
  }

  @Test
  void aSignInFromANewBrowserIsMailedAndAnotherSessionCanBeEnded() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "olympe." + id + "@example.org";
    registerAndConfirm("olympe-" + id, email, PASSWORD);

    var laptop = new WebSession();
    assertThat(signIn(laptop, email, PASSWORD).statusCode()).isIn(302, 303);
    laptop.get("/reseau/compte/index.xhtml");
    laptop.submit("signout", "signOut", Map.of());
    assertThat(signIn(laptop, email, PASSWORD).statusCode()).isIn(302, 303);

    var phone = new WebSession();
    assertThat(signIn(phone, email, PASSWORD).statusCode()).isIn(302, 303);
    var mail = Mailbox.lastTo(email, "Nouvelle connexion");
    assertThat(Mailbox.body(mail)).contains("127.0.0.1");
    assertThat(Mailbox.countTo(email)).as("confirmation + one new device only").isEqualTo(2);

    var account = Jsoup.parse(laptop.get("/reseau/compte/index.xhtml").body());
    assertThat(account.select("#sessions tbody tr")).hasSize(2);
    assertThat(phone.get("/reseau/compte/index.xhtml").statusCode()).isEqualTo(200);
    String end = account.selectFirst("#sessions input[type=submit]").attr("name");
    var ended = laptop.submit("sessionList", end, Map.of());
    assertThat(ended.statusCode()).isIn(302, 303);
    assertThat(
            phone.get("/reseau/compte/index.xhtml").headers().firstValue("Location").orElseThrow())
        .as("the ended session is signed out at its next request")
        .contains("/connexion.xhtml");
    assertThat(laptop.get("/reseau/compte/index.xhtml").statusCode()).isEqualTo(200);
  }

  @Test
  void aFormPostedWithoutItsViewStateOrWithAForgedOneWritesNothing() {
    var forger = new WebSession();
    forger.get("/reseau/inscription.xhtml");
    String email = "forged." + System.nanoTime() % 1_000_000 + "@example.org";
    var fields = new HashMap<>(registration("forged-" + System.nanoTime() % 1_000_000, email));
    fields.put("register", "register");
    fields.put("submit", "x");
    // Without a view state, Faces does not take the post for a form submission: it shows the
    // empty form again and runs no action.
    var noToken = forger.postWithoutViewState("/reseau/inscription.xhtml", fields);
    assertThat(noToken.statusCode()).isEqualTo(200);
    assertThat(noToken.body()).doesNotContain("Un message de confirmation part");
    fields.put("jakarta.faces.ViewState", "1234567890:1234567890");
    var forged = forger.postWithoutViewState("/reseau/inscription.xhtml", fields);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).doesNotContain("Exception", "at org.");
    new WebSession().get("/reseau/");
    assertThat(Mailbox.countTo(email)).isZero();
  }

  @Test
  void badInputGetsAMessageForEachFieldWithoutAStackTrace() {
    var visitor = new WebSession();
    visitor.get("/reseau/inscription.xhtml");
    var response =
        visitor.submit(
            "register",
            "submit",
            Map.of(
                "displayName", "J",
                "handle", "NO SPACES!",
                "email", "pas-une-adresse",
                "password", "court",
                "postalCode", "00000"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "Le pseudonyme compte 3 à 30 caractères",
            "Le nom affiché compte 2 à 80 caractères",
            "Saisissez une adresse électronique valide",
            "au moins 12 caractères",
            "Ce consentement est nécessaire")
        .doesNotContain("Exception");
  }

  /** A member registered through the site and confirmed through the link of their mail. */
  static void registerAndConfirm(String handle, String email, String password) {
    registerAndConfirm(Http.baseUrl(), handle, email, password);
  }

  /** Signs up through the pages of the Parvis at {@code baseUrl} and follows the mailed link. */
  static void registerAndConfirm(String baseUrl, String handle, String email, String password) {
    registerAndConfirm(baseUrl, handle, email, password, "Jeanne Barret");
  }

  static void registerAndConfirm(
      String baseUrl, String handle, String email, String password, String displayName) {
    var visitor = new WebSession(baseUrl);
    visitor.get("/reseau/inscription.xhtml");
    var fields = new HashMap<>(registration(handle, email));
    fields.put("password", password);
    fields.put("displayName", displayName);
    assertThat(visitor.submit("register", "submit", fields).statusCode()).isIn(302, 303);
    var member = new WebSession(baseUrl);
    member.get(Mailbox.linkPath(Mailbox.lastTo(email, "Confirmez votre adresse")));
    assertThat(member.submit("confirm", "submit", Map.of()).statusCode()).isIn(302, 303);
  }

  private static Map<String, String> registration(String handle, String email) {
    return Map.of(
        "displayName", "Jeanne Barret",
        "handle", handle,
        "email", email,
        "password", PASSWORD,
        "postalCode", "23000",
        "communeCode", "23096",
        "consent", "on");
  }

  private static java.net.http.HttpResponse<String> signIn(
      WebSession session, String email, String password) {
    session.get("/reseau/connexion.xhtml");
    return session.submit("signin", "submit", Map.of("email", email, "password", password));
  }
}
