package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * The first administrator of the end-to-end server, created once whichever test class needs it
 * first: with the setup code from the server log (after a wrong one is refused), then the second
 * factor enrolled as the console demands.
 */
final class Administrator {

  static final String USERNAME = "admin-e2e";
  static final String PASSWORD = "un parvis pour tout le monde";
  static final String EMAIL = "admin-e2e@example.org";

  private static SecondFactor factor;

  private Administrator() {}

  /** The administrator's authenticator, setting the administrator up on first use. */
  static synchronized SecondFactor factor() {
    if (factor == null) {
      factor = setUp();
    }
    return factor;
  }

  /** A console session of the administrator (each uses one of the recovery codes). */
  private static WebSession session;

  /**
   * The administrator's session, signed in once and shared by the tests (each sign-in spends one of
   * the ten recovery codes); signed in again if it ended.
   */
  static synchronized WebSession signedIn() {
    if (session == null || session.get("/console/staff/").statusCode() != 200) {
      session = SecondFactor.signIn(USERNAME, PASSWORD, factor().recoveryCodes.pop());
    }
    return session;
  }

  /**
   * A new staff account with these roles (e.g. "moderator"), created by the administrator, whose
   * holder chose a password and enrolled a second factor: signed in.
   */
  static WebSession newStaff(String username, String roles) {
    var admin = signedIn();
    admin.get("/console/staff/admin/accounts.xhtml");
    var created =
        admin.submit(
            "newStaff",
            "createStaff",
            Map.of(
                "newUsername", username,
                "newDisplayName", username,
                "newEmail", username + "@example.org",
                "newRoles", roles));
    var message = Jsoup.parse(created.body()).select(".messages").text();
    var oneTime =
        java.util.regex.Pattern.compile("([a-z2-9]{5}(?:-[a-z2-9]{5}){3})").matcher(message);
    assertThat(oneTime.find()).as(message).isTrue();
    var staff = new WebSession();
    staff.get("/console/");
    staff.submit("signin", "submit", Map.of("username", username, "password", oneTime.group(1)));
    staff.get("/console/staff/password.xhtml");
    staff.submit(
        "password",
        "change",
        Map.of(
            "current", oneTime.group(1),
            "replacement", PASSWORD,
            "confirmation", PASSWORD));
    FACTORS.put(username, SecondFactor.enrol(staff));
    assertThat(staff.get("/console/staff/").statusCode()).isEqualTo(200);
    return staff;
  }

  /** The authenticators of the accounts {@link #newStaff} made, by username. */
  private static final Map<String, SecondFactor> FACTORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Another session of an account {@link #newStaff} made (spends one of its recovery codes). */
  static WebSession anotherSession(String username) {
    return SecondFactor.signIn(username, PASSWORD, FACTORS.get(username).recoveryCodes.pop());
  }

  private static SecondFactor setUp() {
    Mailbox.start();
    var visitor = new WebSession();
    var page = Jsoup.parse(visitor.get("/console/").body());
    assertThat(page.selectFirst("form#setup"))
        .as("a fresh server: no administrator yet")
        .isNotNull();
    var wrongCode =
        visitor.submit(
            "setup",
            "create",
            Map.of(
                "setupCode",
                "AAAAA-AAAAA-AAAAA-AAAAA",
                "setupUsername",
                USERNAME,
                "setupDisplayName",
                "Admin",
                "setupPassword",
                PASSWORD));
    assertThat(wrongCode.body()).contains("Ce code d’installation n’est pas le bon.");
    String code;
    try {
      code = ConsoleSignInIT.setupCodeFromTheServerLog();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var created =
        visitor.submit(
            "setup",
            "create",
            Map.of(
                "setupCode", code,
                "setupUsername", USERNAME,
                "setupDisplayName", "Administratrice",
                "setupEmail", EMAIL,
                "setupPassword", PASSWORD));
    assertThat(created.statusCode()).isIn(302, 303);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .as("the second factor is set up before anything else")
        .contains("/console/staff/two-factor.xhtml");
    assertThat(visitor.get("/console/staff/").headers().firstValue("Location").orElseThrow())
        .contains("/console/staff/two-factor.xhtml");
    var enrolled = SecondFactor.enrol(visitor);
    assertThat(visitor.get("/console/staff/").statusCode()).isEqualTo(200);
    return enrolled;
  }
}
