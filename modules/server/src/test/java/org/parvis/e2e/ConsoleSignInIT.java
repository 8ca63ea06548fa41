package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console on the deployed EAR: first administrator created with the setup code from the server
 * log, sign-in, staff pages closed to anyone else, sign-out, and the refusals.
 */
class ConsoleSignInIT {

  private static final String ADMIN = Administrator.USERNAME;
  private static final String PASSWORD = Administrator.PASSWORD;
  private static final Pattern SETUP_CODE =
      Pattern.compile("setup code ([A-Z2-9]{5}(?:-[A-Z2-9]{5}){3})");

  /** The administrator's authenticator, enrolled right after the setup. */
  private static SecondFactor adminFactor;

  @BeforeAll
  static void theFirstAdministratorExists() {
    adminFactor = Administrator.factor();
  }

  @Test
  void staffPagesSendAnonymousVisitorsToTheSignInPage() {
    var response = new WebSession().get("/console/staff/");
    assertThat(response.statusCode()).isIn(302, 303);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .contains("/console/index.xhtml");
  }

  @Test
  void changingTheStaffPasswordEndsTheAccountsOtherSessions() {
    String name = "deux-postes-" + System.nanoTime() % 100_000;
    var office = Administrator.newStaff(name, "editor");
    var elsewhere = Administrator.anotherSession(name);
    assertThat(elsewhere.get("/console/staff/").statusCode()).isEqualTo(200);

    office.get("/console/staff/password.xhtml");
    String replacement = "un autre parvis pour la mairie";
    office.submit(
        "password",
        "change",
        Map.of("current", PASSWORD, "replacement", replacement, "confirmation", replacement));

    assertThat(office.get("/console/staff/").statusCode())
        .as("the session that changed it goes on")
        .isEqualTo(200);
    assertThat(elsewhere.get("/console/staff/").statusCode())
        .as("the other one is over")
        .isIn(302, 303);
  }

  @Test
  void signingInOpensTheDashboardWithANewSessionAndSigningOutClosesIt() {
    var staff = new WebSession();
    var form = staff.get("/console/");
    assertThat(form.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("JSESSIONID=", "HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    String before = staff.sessionId();
    var passwordStep =
        staff.submit("signin", "submit", Map.of("username", ADMIN, "password", PASSWORD));
    assertThat(Jsoup.parse(passwordStep.body()).selectFirst("form#secondFactor")).isNotNull();
    assertThat(staff.get("/console/staff/").statusCode())
        .as("a right password alone opens nothing")
        .isIn(302, 303);
    String between = staff.sessionId();
    assertThat(between).as("session id rotated after the password").isNotEqualTo(before);

    staff.get("/console/");
    var wrongCode = staff.submit("secondFactor", "verify", Map.of("code", "000000"));
    assertThat(wrongCode.body()).contains("Ce code n’est pas le bon.");
    var signedIn = staff.submit("secondFactor", "verify", Map.of("code", adminFactor.nextCode()));
    assertThat(signedIn.statusCode()).isIn(302, 303);
    assertThat(staff.sessionId()).as("session id rotated at sign-in").isNotEqualTo(between);

    var notice = Mailbox.lastTo(Administrator.EMAIL, "Nouvelle connexion à la console");
    assertThat(Mailbox.body(notice)).contains("127.0.0.1", "Hello", "Administratrice");

    var dashboard = staff.get("/console/staff/");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(dashboard.body()).select("#caller").text()).contains(ADMIN);
    assertThat(dashboard.body()).contains("administration");

    var log = Jsoup.parse(staff.get("/console/staff/security.xhtml").body());
    assertThat(log.select("#security-log tbody tr").first().text())
        .contains("Connexion", "127.0.0.1");

    assertThat(
            Jsoup.parse(staff.get("/console/staff/password.xhtml").body())
                .select("#currentEmail")
                .text())
        .isEqualTo(Administrator.EMAIL);
    var badEmail =
        staff.submit(
            "email",
            "changeEmail",
            Map.of("newEmail", "pas une adresse", "emailPassword", PASSWORD));
    assertThat(badEmail.body()).contains("Saisissez une adresse électronique valide");
    staff.get("/console/staff/password.xhtml");
    var refused =
        staff.submit(
            "password",
            "change",
            Map.of("current", "pas le bon", "replacement", "x", "confirmation", "y"));
    assertThat(refused.body()).contains("Les deux saisies du nouveau mot de passe diffèrent.");

    var signedOut = staff.submit("signout", "signOut", Map.of());
    assertThat(signedOut.statusCode()).isIn(302, 303);
    assertThat(staff.get("/console/staff/").statusCode()).isIn(302, 303);
  }

  @Test
  void anAdministratorCreatesAnEditorWhoMustChooseAPasswordAndCannotManageAccounts() {
    var admin = signedIn(ADMIN, PASSWORD);
    admin.get("/console/staff/admin/accounts.xhtml");
    String editor = "editor-" + System.nanoTime() % 100_000;
    var created =
        admin.submit(
            "newStaff",
            "createStaff",
            Map.of(
                "newUsername",
                editor,
                "newDisplayName",
                "Éditrice",
                "newEmail",
                editor + "@example.org",
                "newRoles",
                "editor"));
    var message = Jsoup.parse(created.body()).select(".messages").text();
    var oneTime = Pattern.compile("([a-z2-9]{5}(?:-[a-z2-9]{5}){3})").matcher(message);
    assertThat(oneTime.find()).as(message).isTrue();
    assertThat(Jsoup.parse(created.body()).select("#staff td").eachText()).contains(editor);

    var newcomer = new WebSession();
    newcomer.get("/console/");
    var first =
        newcomer.submit(
            "signin", "submit", Map.of("username", editor, "password", oneTime.group(1)));
    assertThat(first.headers().firstValue("Location").orElseThrow())
        .contains("/staff/password.xhtml");
    assertThat(newcomer.get("/console/staff/").headers().firstValue("Location").orElseThrow())
        .as("no staff page before a password of one's own")
        .contains("/staff/password.xhtml");

    newcomer.get("/console/staff/password.xhtml");
    var changed =
        newcomer.submit(
            "password",
            "change",
            Map.of(
                "current", oneTime.group(1),
                "replacement", "mon propre mot de passe",
                "confirmation", "mon propre mot de passe"));
    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .contains("/staff/two-factor.xhtml");
    var enrolment = Jsoup.parse(newcomer.get("/console/staff/two-factor.xhtml").body());
    assertThat(enrolment.select(".messages").text()).contains("Votre mot de passe a été changé.");
    assertThat(enrolment.select("#required").text()).contains("obligatoire");
    SecondFactor.enrol(newcomer);
    assertThat(newcomer.get("/console/staff/").statusCode()).isEqualTo(200);
    assertThat(newcomer.get("/console/staff/admin/accounts.xhtml").statusCode())
        .as("an editor cannot manage accounts")
        .isEqualTo(403);

    admin.get("/console/staff/admin/accounts.xhtml");
    var rolesChanged =
        admin.submit(
            "roles", "changeRoles", Map.of("roleUsername", editor, "changedRoles", "moderator"));
    assertThat(rolesChanged.body()).contains("Les rôles de " + editor + " sont changés");
    assertThat(newcomer.get("/console/staff/").statusCode())
        .as("a session signed in with the old roles ends at its next request")
        .isIn(302, 303);

    var moderators =
        Jsoup.parse(
            admin
                .get("/console/staff/admin/accounts.xhtml?q=" + editor + "&role=moderator")
                .body());
    assertThat(moderators.select("#staffCount").text()).isEqualTo("1 compte");
    assertThat(moderators.select("#staff td").eachText()).contains(editor);
    assertThat(moderators.select("a[rel=next]")).isEmpty();
    assertThat(
            Jsoup.parse(
                    admin
                        .get("/console/staff/admin/accounts.xhtml?q=" + editor + "&role=editor")
                        .body())
                .select("#staffNone"))
        .as("no longer an editor")
        .hasSize(1);

    admin.get("/console/staff/admin/accounts.xhtml");
    var row =
        Jsoup.parse(admin.get("/console/staff/admin/accounts.xhtml").body())
            .select("#staff tr:has(td:containsOwn(" + editor + "))")
            .first();
    String disable = row.selectFirst("input[type=submit]").attr("name");
    var disabled = admin.submit("staffList", disable, Map.of());
    assertThat(disabled.body()).contains("Le compte " + editor + " est désactivé");
    var disabledOnes =
        Jsoup.parse(
            admin
                .get(
                    "/console/staff/admin/accounts.xhtml?etat=desactives&q=" + editor.toUpperCase())
                .body());
    assertThat(disabledOnes.select("#staff td").eachText()).contains(editor, "désactivé");
    assertThat(
            Jsoup.parse(
                    admin.get("/console/staff/admin/accounts.xhtml?etat=actifs&q=" + editor).body())
                .select("#staffNone"))
        .hasSize(1);
    assertThat(
            Jsoup.parse(
                    admin
                        .get("/console/staff/admin/audit.xhtml?action=STAFF_ACCOUNT_DISABLED")
                        .body())
                .select("#audit td")
                .eachText())
        .contains("STAFF_ACCOUNT_DISABLED", editor);
    assertThat(newcomer.get("/console/staff/").statusCode())
        .as("the disabled editor's session ends at the next request")
        .isIn(302, 303);
    newcomer.get("/console/");
    var refused =
        newcomer.submit(
            "signin", "submit", Map.of("username", editor, "password", "mon propre mot de passe"));
    assertThat(refused.body()).contains("Identifiant ou mot de passe incorrect.");
  }

  private static WebSession signedIn(String username, String password) {
    return SecondFactor.signIn(username, password, adminFactor.recoveryCodes.pop());
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameMessage() {
    var visitor = new WebSession();
    visitor.get("/console/");
    var wrong =
        visitor.submit(
            "signin", "submit", Map.of("username", ADMIN, "password", "pas le bon mot de passe"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body())
        .contains("Identifiant ou mot de passe incorrect.")
        .doesNotContain("pas le bon");
    var unknown =
        visitor.submit("signin", "submit", Map.of("username", "nobody", "password", PASSWORD));
    assertThat(Jsoup.parse(unknown.body()).select(".messages").text())
        .isEqualTo(Jsoup.parse(wrong.body()).select(".messages").text());
  }

  @Test
  void emptyFieldsAreRefusedWithAMessageForEach() {
    var visitor = new WebSession();
    visitor.get("/console/");
    var empty = visitor.submit("signin", "submit", Map.of("username", "", "password", ""));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body())
        .contains("Saisissez votre identifiant.", "Saisissez votre mot de passe.");
  }

  @Test
  void repeatedFailuresOnOneAccountAreSlowedDown() {
    var visitor = new WebSession();
    visitor.get("/console/");
    String last = "";
    for (int i = 0; i < 6; i++) {
      last =
          visitor
              .submit(
                  "signin",
                  "submit",
                  Map.of("username", "throttled-e2e", "password", "wrong password " + i))
              .body();
    }
    assertThat(last).contains("Trop de tentatives. Réessayez dans");
  }

  static String setupCodeFromTheServerLog() throws IOException {
    return setupCodeFromTheServerLog(Path.of(System.getProperty("parvis.e2e.serverLog")));
  }

  /** The last setup code the server wrote in the given log. */
  static String setupCodeFromTheServerLog(Path serverLog) throws IOException {
    String log = Files.readString(serverLog, StandardCharsets.UTF_8);
    var matcher = SETUP_CODE.matcher(log);
    String code = null;
    while (matcher.find()) {
      code = matcher.group(1);
    }
    assertThat(code).as("setup code in the server log").isNotNull();
    return code;
  }
}
