package org.parvis.network.member.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.network.member.control.MemberAccounts.LinkResult;
import org.parvis.network.member.control.MemberAccounts.Registration;
import org.parvis.network.member.control.MemberAccounts.SignIn.Status;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;

/**
 * Members' accounts on Payara Micro and the network database. The mails are read from the outbox
 * (their delivery through SMTP is tested end to end with GreenMail). Each test has its own member.
 */
@ExtendWith(ArquillianExtension.class)
class MemberAccountsIT {

  private static final String PASSWORD = "la place du marché le samedi";
  private static final Pattern LINK = Pattern.compile("jeton=([A-Za-z0-9_-]{43})");

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("social-network-members", MemberAccountsIT.class);
  }

  @Inject NetworkDatabase database;
  @Inject MemberAccounts accounts;
  @Inject org.parvis.network.official.control.OfficialRegistry officials;
  @Inject DormantAccountWatch watch;
  @Inject UserTransaction transaction;
  @Inject MemberSessions sessions;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  private String address;
  private String handle;
  private String email;

  @BeforeEach
  void migratedWithAMemberOfItsOwn() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
    String id = UUID.randomUUID().toString().substring(0, 8);
    handle = "marie-" + id;
    email = "marie." + id + "@example.org";
    address = "198.51.100." + (int) (Math.random() * 250);
  }

  @Test
  void registrationThenConfirmationLinkThenSignIn() {
    assertThat(accounts.register(registration(email), address)).isEmpty();
    assertThat(accounts.signIn(email, PASSWORD.toCharArray(), address).status())
        .as("no sign-in before the address is confirmed")
        .isEqualTo(Status.UNCONFIRMED);
    assertThat(accounts.profile(handle)).isEmpty();

    var mail = lastMailTo(email);
    assertThat(mail.get(0)).startsWith("Confirmez votre adresse");
    String link = link(mail.get(1));
    assertThat(accounts.confirm(link, address)).isEqualTo(LinkResult.CONFIRMED);
    assertThat(accounts.confirm(link, address)).as("single use").isEqualTo(LinkResult.INVALID);

    var signIn =
        accounts.signIn(
            " " + email.toUpperCase(Locale.ROOT) + " ", PASSWORD.toCharArray(), address);
    assertThat(signIn.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(signIn.handle()).isEqualTo(handle);
    var profile = accounts.profile(handle.toUpperCase(Locale.ROOT)).orElseThrow();
    assertThat(profile.communeName()).isEqualTo("Guéret");
    assertThat(profile.toString()).doesNotContain(email);
    assertThat(accounts.securityLog(handle, 0, 10))
        .extracting(MemberAccounts.SecurityLogEntry::kind)
        .containsExactly("SIGN_IN", "EMAIL_CONFIRMED", "REGISTERED");

    var consent =
        em.createNativeQuery(
                "SELECT c.purpose, c.text_version FROM member_consent c JOIN member_account m"
                    + " ON m.id = c.member_id WHERE m.handle = ?")
            .setParameter(1, handle)
            .getResultList();
    assertThat(consent).hasSize(1);
    assertThat((Object[]) consent.get(0))
        .containsExactly("political-opinions", MemberAccounts.CONSENT_TEXT_VERSION);
  }

  @Test
  void badInputGetsOneMessagePerFieldAndNothingIsWritten() {
    var problems =
        accounts.register(
            new Registration(
                "x", " ", "not-an-email", "court".toCharArray(), "99999", false, Locale.FRENCH),
            address);
    assertThat(problems)
        .containsEntry("handle", "handle.invalid")
        .containsEntry("displayName", "displayName.invalid")
        .containsEntry("email", "email.invalid")
        .containsEntry("password", "password.too-short")
        .containsEntry("commune", "commune.required")
        .containsEntry("consent", "consent.required");
    assertThat(
            accounts.register(
                new Registration(
                    handle,
                    "M".repeat(81),
                    "a".repeat(250) + "@example.org",
                    "x".repeat(2000).toCharArray(),
                    "23096",
                    true,
                    Locale.FRENCH),
                address))
        .containsEntry("displayName", "displayName.invalid")
        .containsEntry("email", "email.invalid")
        .containsEntry("password", "password.too-long");
    assertThat(accounts.profile(handle)).isEmpty();
  }

  @Test
  void anAddressAlreadyRegisteredGetsTheSameAnswerAndItsHolderAMail() {
    assertThat(accounts.register(registration(email), address)).isEmpty();
    var again = registration(email);
    var second =
        new Registration(
            handle + "-2",
            again.displayName(),
            email,
            again.password(),
            again.communeCode(),
            true,
            Locale.ENGLISH);
    assertThat(accounts.register(second, address)).isEmpty();
    assertThat(lastMailTo(email).get(0)).startsWith("Tentative d’inscription");
    assertThat(accounts.register(registration("other." + email), address))
        .containsEntry("handle", "handle.taken");
  }

  @Test
  void aResetLinkWorksOnceAndNotAfterItExpires() throws Exception {
    confirmedMember();
    accounts.requestPasswordReset(email, address);
    String link = link(lastMailTo(email).get(1));
    assertThat(accounts.resetLinkValid(link)).isTrue();
    assertThat(accounts.resetPassword(link, "court".toCharArray(), address))
        .contains("password.too-short");
    String newPassword = "un banc sous les platanes";
    assertThat(accounts.resetPassword(link, newPassword.toCharArray(), address)).isEmpty();
    assertThat(accounts.resetPassword(link, "encore un autre banc public".toCharArray(), address))
        .contains("link.invalid");
    assertThat(accounts.signIn(email, newPassword.toCharArray(), address).status())
        .isEqualTo(Status.SIGNED_IN);

    accounts.requestPasswordReset(email, address);
    String expired = link(lastMailTo(email).get(1));
    transaction.begin();
    em.createNativeQuery(
            "UPDATE member_email_token SET expires_at = created_at - INTERVAL '1' MINUTE"
                + " WHERE used_at IS NULL")
        .executeUpdate();
    transaction.commit();
    assertThat(accounts.resetLinkValid(expired)).isFalse();
    assertThat(accounts.resetPassword(expired, "une fontaine sur la place".toCharArray(), address))
        .contains("link.invalid");
    assertThat(accounts.resetPassword("forged", "une fontaine sur la place".toCharArray(), address))
        .contains("link.invalid");
  }

  @Test
  void anUnknownAddressAsksForAResetWithoutAnyDifferenceOrMail() {
    accounts.requestPasswordReset("nobody-" + email, address);
    assertThat(mailsTo("nobody-" + email)).isZero();
  }

  @Test
  void repeatedFailuresAreThrottledAndLogged() {
    confirmedMember();
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT.freeFailures(); i++) {
      assertThat(accounts.signIn(email, "wrong".toCharArray(), address).status())
          .isEqualTo(Status.REFUSED);
    }
    var throttled = accounts.signIn(email, PASSWORD.toCharArray(), address);
    assertThat(throttled.status()).isEqualTo(Status.THROTTLED);
    assertThat(throttled.retryAfter()).isPositive();
    assertThat(accounts.signIn("nobody-" + email, "wrong".toCharArray(), address).status())
        .isEqualTo(Status.REFUSED);
    assertThat(accounts.securityLog(handle, 0, 10))
        .extracting(MemberAccounts.SecurityLogEntry::kind)
        .contains("SIGN_IN_FAILED", "SIGN_IN_THROTTLED");
  }

  @Test
  void aNewEmailIsUsedOnlyOnceConfirmedAndTheOldOneIsTold() {
    confirmedMember();
    String newEmail = "nouvelle." + email;
    assertThat(accounts.requestEmailChange(handle, "wrong".toCharArray(), newEmail, address))
        .contains("password.current.wrong");
    assertThat(accounts.requestEmailChange(handle, PASSWORD.toCharArray(), "bad", address))
        .contains("email.invalid");
    assertThat(accounts.requestEmailChange(handle, PASSWORD.toCharArray(), newEmail, address))
        .isEmpty();
    assertThat(lastMailTo(email).get(0)).startsWith("Changement d’adresse demandé");
    assertThat(accounts.signIn(newEmail, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.REFUSED);

    assertThat(accounts.confirm(link(lastMailTo(newEmail).get(1)), address))
        .isEqualTo(LinkResult.EMAIL_CHANGED);
    assertThat(accounts.signIn(newEmail, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.SIGNED_IN);
    assertThat(accounts.ownAccount(handle).orElseThrow().email()).isEqualTo(newEmail);
  }

  @Test
  void anOfficialIsGrantedABadgeAndMustUseASecondFactorAfterDormancy() throws Exception {
    confirmedMember();
    var until = java.time.LocalDate.now().plusYears(2);
    assertThat(officials.grant("admin", handle, "M", "COMMUNE", "23096", until))
        .contains("official.title.invalid");
    assertThat(officials.grant("admin", handle, "Maire de Guéret", "COMMUNE", "99999", until))
        .contains("official.territory.invalid");
    assertThat(
            officials.grant(
                "admin", handle, "Maire de Guéret", "COMMUNE", "23096", java.time.LocalDate.now()))
        .contains("official.end.invalid");
    assertThat(officials.grant("admin", handle, "Maire de Guéret", "COMMUNE", "23096", until))
        .isEmpty();
    assertThat(officials.badges(List.of(handle, "nobody"))).containsOnlyKeys(handle);
    assertThat(officials.badges(List.of(handle)).get(handle)).containsExactly("Maire de Guéret");

    var signIn = accounts.signIn(email, PASSWORD.toCharArray(), address);
    assertThat(signIn.mustEnrolSecondFactor()).as("mandatory for officials").isTrue();
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .isEqualTo(DormantAccountWatch.Verdict.SECOND_FACTOR_REQUIRED);

    String secret = org.parvis.kernel.api.security.Totp.newSecret();
    var enrolment =
        accounts.enrolSecondFactor(
            handle,
            secret,
            org.parvis.kernel.api.security.Totp.codeAt(secret, java.time.Instant.now()),
            address);
    assertThat(enrolment.recoveryCodes()).hasSize(10);
    assertThat(accounts.disableSecondFactor(handle, enrolment.recoveryCodes().get(0), address))
        .contains("twoFactor.requiredForOfficials");
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .isEqualTo(DormantAccountWatch.Verdict.ALLOWED);

    // 91 days without proving the second factor: publishing waits for a sign-in with it.
    transaction.begin();
    em.createNativeQuery(
            "UPDATE member_account SET last_second_factor_at = last_second_factor_at - INTERVAL"
                + " '91' DAY WHERE handle = ?")
        .setParameter(1, handle)
        .executeUpdate();
    transaction.commit();
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .isEqualTo(DormantAccountWatch.Verdict.SECOND_FACTOR_REQUIRED);
    assertThat(accounts.signIn(email, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.SECOND_FACTOR_NEEDED);
    assertThat(accounts.secondFactor(handle, enrolment.recoveryCodes().get(1), address).status())
        .isEqualTo(Status.SIGNED_IN);
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .isEqualTo(DormantAccountWatch.Verdict.ALLOWED);

    long mandate =
        officials.list(0, 100).stream()
            .filter(m -> m.handle().equals(handle))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(officials.revoke("admin", mandate)).isEmpty();
    assertThat(officials.badges(List.of(handle))).isEmpty();
    assertThat(accounts.securityLog(handle, 0, 20))
        .extracting(MemberAccounts.SecurityLogEntry::kind)
        .contains("MANDATE_GRANTED", "SECOND_FACTOR_ENROLLED", "MANDATE_REVOKED");
  }

  @Test
  void aDormantAccountWakingUpWithABurstIsFrozenAndShownToStaff() throws Exception {
    confirmedMember();
    transaction.begin();
    em.createNativeQuery(
            "UPDATE member_account SET created_at = created_at - INTERVAL '200' DAY WHERE handle = ?")
        .setParameter(1, handle)
        .executeUpdate();
    transaction.commit();
    for (int i = 0; i < 5; i++) {
      assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
          .isEqualTo(DormantAccountWatch.Verdict.ALLOWED);
    }
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .isEqualTo(DormantAccountWatch.Verdict.FROZEN);
    assertThat(watch.beforePublishing(handle, address, "Un texte sans lien"))
        .as("nothing goes out until staff review it")
        .isEqualTo(DormantAccountWatch.Verdict.FROZEN);

    assertThat(watch.pendingCount()).isPositive();
    var freeze =
        watch.pending(0, 100).stream()
            .filter(f -> f.handle().equals(handle))
            .findFirst()
            .orElseThrow();
    assertThat(freeze.reason()).isEqualTo("BURST");
    assertThat(watch.review("moderator", freeze.id(), true)).isEmpty();
    assertThat(watch.review("moderator", freeze.id(), true)).contains("freeze.reviewed");
    assertThat(watch.beforePublishing(handle, address, "Voir https://promo.example/offre"))
        .isEqualTo(DormantAccountWatch.Verdict.ALLOWED);
    assertThat(accounts.securityLog(handle, 0, 20))
        .extracting(MemberAccounts.SecurityLogEntry::kind)
        .contains("ACCOUNT_FROZEN", "FREEZE_LIFTED");
  }

  @Test
  void strangersCannotLockAMemberOutOfTheBrowserTheyUsuallySignInFrom() {
    confirmedMember();
    var usual =
        sessions.open(handle, null, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", address);
    for (int i = 0; i < 12; i++) {
      accounts.signIn(email, "pas le bon mot de passe".toCharArray(), "203.0.113." + i);
    }
    assertThat(accounts.signIn(email, PASSWORD.toCharArray(), "203.0.113.200").status())
        .as("an unknown browser waits")
        .isEqualTo(Status.THROTTLED);
    assertThat(
            accounts.signIn(email, PASSWORD.toCharArray(), address, usual.deviceToken()).status())
        .as("the holder's own browser does not")
        .isEqualTo(Status.SIGNED_IN);
    assertThat(accounts.signIn(email, PASSWORD.toCharArray(), address, "x".repeat(43)).status())
        .as("a made-up device cookie is an unknown browser")
        .isEqualTo(Status.THROTTLED);
  }

  @Test
  void parallelGuessesAreCountedBeforeThePasswordIsChecked() throws Exception {
    confirmedMember();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
    try {
      var guesses = new java.util.ArrayList<java.util.concurrent.Future<Status>>();
      for (int i = 0; i < 12; i++) {
        String from = "192.0.2." + i;
        guesses.add(
            pool.submit(
                () -> accounts.signIn(email, "devine-moi-vite".toCharArray(), from).status()));
      }
      long checked = 0;
      for (var guess : guesses) {
        if (guess.get() == Status.REFUSED) {
          checked++;
        }
      }
      assertThat(checked)
          .as("only the free attempts are checked, however many arrive at once")
          .isLessThanOrEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPasswordResetEndsEverySessionAndSecondFactorChangesAreMailed() {
    confirmedMember();
    var laptop =
        sessions.open(handle, null, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", address);
    var phone = sessions.open(handle, null, "Mozilla/5.0 (Android 14) Chrome/130.0", address);
    assertThat(sessions.touch(laptop.sessionKey())).isTrue();

    String secret = org.parvis.kernel.api.security.Totp.newSecret();
    var enrolment =
        accounts.enrolSecondFactor(
            handle,
            secret,
            org.parvis.kernel.api.security.Totp.codeAt(secret, java.time.Instant.now()),
            address);
    assertThat(enrolment.problem()).isEmpty();
    assertThat(lastMailTo(email).get(0)).startsWith("Double authentification activée");

    assertThat(
            accounts.disableSecondFactor(
                handle, enrolment.recoveryCodes().get(0), address, laptop.sessionKey()))
        .isEmpty();
    assertThat(lastMailTo(email).get(0)).startsWith("Double authentification retirée");
    assertThat(sessions.touch(laptop.sessionKey())).as("the session that asked stays").isTrue();
    assertThat(sessions.touch(phone.sessionKey())).as("the others end").isFalse();

    accounts.requestPasswordReset(email, address);
    assertThat(
            accounts.resetPassword(
                link(lastMailTo(email).get(1)),
                "un kiosque à journaux neuf".toCharArray(),
                address))
        .isEmpty();
    assertThat(sessions.touch(laptop.sessionKey()))
        .as("whoever knew the old password is signed out")
        .isFalse();
  }

  private void confirmedMember() {
    assertThat(accounts.register(registration(email), address)).isEmpty();
    assertThat(accounts.confirm(link(lastMailTo(email).get(1)), address))
        .isEqualTo(LinkResult.CONFIRMED);
  }

  private Registration registration(String address) {
    return new Registration(
        handle, "Marie Curie", address, PASSWORD.toCharArray(), "23096", true, Locale.FRENCH);
  }

  /** Subject and body of the last mail queued for {@code recipient}. */
  private List<String> lastMailTo(String recipient) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT subject, body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
                .setParameter(1, recipient)
                .setMaxResults(1)
                .getSingleResult();
    return List.of((String) row[0], (String) row[1]);
  }

  private long mailsTo(String recipient) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                .setParameter(1, recipient)
                .getSingleResult())
        .longValue();
  }

  private static String link(String body) {
    var matcher = LINK.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }
}
