package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.jsoup.Jsoup;
import org.parvis.kernel.api.security.Totp;

/**
 * A staff member's authenticator, as the tests hold it: the key read from the enrolment page and
 * the recovery codes shown once after it.
 */
final class SecondFactor {

  final String secret;
  final Deque<String> recoveryCodes;

  private SecondFactor(String secret, Deque<String> recoveryCodes) {
    this.secret = secret;
    this.recoveryCodes = recoveryCodes;
  }

  /** Enrols from the console's two-factor page with the code of the current step. */
  static SecondFactor enrol(WebSession staff) {
    return enrol(staff, "/console/staff/two-factor.xhtml");
  }

  /**
   * Enrols a network member: first the code mailed to {@code email} (proof of the mailbox), then
   * the authenticator.
   */
  static SecondFactor enrol(WebSession member, String path, String email) {
    var page = Jsoup.parse(member.get(path).body());
    assertThat(page.select("img#qrCode"))
        .as("no authenticator before the mailbox is proved")
        .isEmpty();
    member.submit("mailCode", "sendCode", Map.of());
    var code =
        java.util.regex.Pattern.compile("\\b(\\d{8})\\b")
            .matcher(Mailbox.text(Mailbox.lastTo(email, "Votre code pour activer")));
    assertThat(code.find()).isTrue();
    var proved =
        member.submit("proveMailbox", "proveMailboxSubmit", Map.of("emailCode", code.group(1)));
    return enrolOn(member, proved.body());
  }

  /** Enrols from the two-factor page at {@code path} with the code of the current step. */
  static SecondFactor enrol(WebSession staff, String path) {
    return enrolOn(staff, staff.get(path).body());
  }

  /** Enrols with the enrolment form of {@code html}, the page the session last loaded. */
  private static SecondFactor enrolOn(WebSession session, String html) {
    var page = Jsoup.parse(html);
    assertThat(page.selectFirst("img#qrCode").attr("src")).startsWith("data:image/svg+xml;base64,");
    String secret = page.selectFirst("#secret").text().replace(" ", "");
    var enrolled =
        session.submit("enrol", "confirm", Map.of("code", Totp.codeAt(secret, Instant.now())));
    var codes = Jsoup.parse(enrolled.body()).select("#recoveryCodes code").eachText();
    assertThat(codes).as(enrolled.body()).hasSize(10);
    return new SecondFactor(secret, new ArrayDeque<>(codes));
  }

  /** A code for the next step: the current one may have been used already. */
  String nextCode() {
    return Totp.codeAt(secret, Instant.now().plus(Totp.STEP));
  }

  /** Signs in with the password then a recovery code (each test uses its own). */
  static WebSession signIn(String username, String password, String recoveryCode) {
    var session = new WebSession();
    session.get("/console/");
    var passwordStep =
        session.submit("signin", "submit", Map.of("username", username, "password", password));
    assertThat(Jsoup.parse(passwordStep.body()).selectFirst("form#secondFactor"))
        .as("second step asked")
        .isNotNull();
    var response = session.submit("secondFactor", "verify", Map.of("code", recoveryCode));
    assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
    return session;
  }
}
