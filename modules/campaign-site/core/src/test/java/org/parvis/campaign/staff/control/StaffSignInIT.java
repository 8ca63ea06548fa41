package org.parvis.campaign.staff.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.campaign.api.StaffDirectory;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.campaign.api.StaffSignIn.SignInResult.Status;
import org.parvis.campaign.schema.control.BrandDatabase;
import org.parvis.campaign.staff.entity.SecurityEvent;
import org.parvis.campaign.staff.entity.StaffAccount;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.security.PasswordHash;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.kernel.api.security.Totp;
import org.parvis.kernel.api.security.control.ThrottleLedger;
import org.parvis.testing.ModuleDeployment;

/** Staff sign-in on Payara Micro and the brand database. Each test uses its own accounts. */
@ExtendWith(ArquillianExtension.class)
class StaffSignInIT {

  private static final String PASSWORD = "le parvis de la mairie";

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("campaign-site-staff", StaffSignInIT.class);
  }

  @Inject BrandDatabase database;
  @Inject StaffSignIn signIn;
  @Inject FirstRunSetup setup;
  @Inject StaffSignInService service;
  @Inject UserTransaction transaction;
  @Inject org.parvis.campaign.api.StaffDirectory directory;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @jakarta.annotation.Resource jakarta.enterprise.concurrent.ManagedExecutorService executor;

  private String address;

  @BeforeEach
  void migratedAndFromAnAddressOfItsOwn() {
    assertThat(database.schema().migrate().succeeded()).isTrue();
    address = "192.0.2." + (int) (Math.random() * 250);
  }

  @Test
  void theFirstAdministratorIsCreatedOnceWithTheLoggedCode() throws Exception {
    transaction.begin();
    em.createQuery("DELETE FROM StaffAccount").executeUpdate();
    transaction.commit();

    assertThat(signIn.firstAdministratorNeeded()).isTrue();
    assertThat(setup.code()).matches("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}");
    assertThat(
            signIn.createFirstAdministrator(
                "WRONG", "admin", "Admin", "admin@example.org", PASSWORD.toCharArray(), address))
        .extracting(StaffSignIn.SetupResult::problem)
        .isEqualTo("setup.code.wrong");
    assertThat(
            signIn.createFirstAdministrator(
                setup.code(),
                "admin",
                "Admin",
                "admin@example.org",
                "short".toCharArray(),
                address))
        .extracting(StaffSignIn.SetupResult::problem)
        .isEqualTo("password.too-short");

    var created =
        signIn.createFirstAdministrator(
            setup.code().toLowerCase(),
            " Admin ",
            "Administratrice",
            "admin@example.org",
            PASSWORD.toCharArray(),
            address);
    assertThat(created.created()).isTrue();
    assertThat(signIn.firstAdministratorNeeded()).isFalse();
    assertThat(
            signIn.createFirstAdministrator(
                "ANY", "other", "Other", "other@example.org", PASSWORD.toCharArray(), address))
        .extracting(StaffSignIn.SetupResult::problem)
        .isEqualTo("setup.done");

    var result = signIn.signIn("ADMIN", PASSWORD.toCharArray(), address);
    assertThat(result.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(result.roles()).containsExactly(Role.ADMINISTRATOR);
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() throws Exception {
    String name = staff();
    assertThat(signIn.signIn(name, "not the password".toCharArray(), address).status())
        .isEqualTo(Status.REFUSED);
    assertThat(signIn.signIn("nobody-" + name, PASSWORD.toCharArray(), address))
        .isEqualTo(signIn.signIn(name, "still wrong".toCharArray(), address));
  }

  @Test
  void repeatedFailuresMakeEvenTheRightPasswordWait() throws Exception {
    String name = staff();
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT.freeFailures(); i++) {
      assertThat(signIn.signIn(name, "wrong".toCharArray(), address).status())
          .isEqualTo(Status.REFUSED);
    }
    var throttled = signIn.signIn(name, PASSWORD.toCharArray(), address);
    assertThat(throttled.status()).isEqualTo(Status.THROTTLED);
    assertThat(throttled.retryAfter()).isPositive();

    var log =
        em.createNamedQuery(SecurityEvent.OF_USER, SecurityEvent.class)
            .setParameter("username", name)
            .getResultList();
    assertThat(log).extracting(SecurityEvent::kind).contains(SecurityEvent.Kind.SIGN_IN_FAILED);
    assertThat(log).allSatisfy(e -> assertThat(e.remoteAddress()).isEqualTo(address));
  }

  @Test
  void strangersCannotLockStaffOutOfTheBrowserTheyUsuallySignInFrom() throws Exception {
    String name = staff();
    String usual = signIn.recognizeDevice(name, null, "Mozilla/5.0 Firefox/128.0", address);
    for (int i = 0; i < 12; i++) {
      signIn.signIn(name, "pas le bon".toCharArray(), "203.0.113." + i);
    }
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), "203.0.113.200").status())
        .as("an unknown browser waits")
        .isEqualTo(Status.THROTTLED);
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address, usual).status())
        .as("the holder's own browser does not")
        .isEqualTo(Status.SIGNED_IN);
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address, "x".repeat(43)).status())
        .as("a made-up device cookie is an unknown browser")
        .isEqualTo(Status.THROTTLED);
    String other = staff();
    String othersDevice = signIn.recognizeDevice(other, null, "Mozilla/5.0", address);
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address, othersDevice).status())
        .as("another account's browser is an unknown browser")
        .isEqualTo(Status.THROTTLED);
  }

  @Test
  void simultaneousFailuresAreAllCountedWithoutError() throws Exception {
    String name = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    int attempts = 8;
    var start = new java.util.concurrent.CountDownLatch(1);
    var results = new java.util.ArrayList<java.util.concurrent.Future<Status>>();
    for (int i = 0; i < attempts; i++) {
      results.add(
          executor.submit(
              () -> {
                start.await();
                return signIn.signIn(name, "wrong".toCharArray(), address).status();
              }));
    }
    start.countDown();
    int throttled = 0;
    for (var result : results) {
      var status = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(status).isIn(Status.REFUSED, Status.THROTTLED);
      throttled += status == Status.THROTTLED ? 1 : 0;
    }
    // Every failure counted, none lost to a race: the throttled ones are not failures.
    assertThat(new ThrottleLedger(em).failures(ThrottleLedger.key("account", name)))
        .isEqualTo(attempts - throttled)
        .isGreaterThanOrEqualTo(SignInThrottle.PER_ACCOUNT.freeFailures());
  }

  @Test
  void failuresOlderThanADayAreForgotten() throws Exception {
    String key = ThrottleLedger.key("account", "old-" + UUID.randomUUID());
    String recentKey = ThrottleLedger.key("account", "recent-" + UUID.randomUUID());
    transaction.begin();
    var ledger = new ThrottleLedger(em);
    ledger.failed(key, Instant.now().minus(java.time.Duration.ofDays(2)));
    ledger.failed(recentKey, Instant.now());
    transaction.commit();

    assertThat(service.forgetFailuresBefore(Instant.now().minus(ThrottleLedger.FORGET_AFTER)))
        .isPositive();
    assertThat(ledger.failures(key)).isZero();
    assertThat(ledger.failures(recentKey)).isOne();
  }

  @Test
  void aSuccessfulSignInIsLoggedAndForgivesEarlierMistakes() throws Exception {
    String name = staff();
    signIn.signIn(name, "wrong".toCharArray(), address);
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.SIGNED_IN);
    assertThat(
            em.createNamedQuery(SecurityEvent.OF_USER, SecurityEvent.class)
                .setParameter("username", name)
                .getResultList())
        .extracting(SecurityEvent::kind)
        .startsWith(SecurityEvent.Kind.SIGN_IN);
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndAGoodNewOne() throws Exception {
    String name = staff();
    String newPassword = "une place publique pour débattre";
    assertThat(
            signIn.changePassword(name, "wrong".toCharArray(), newPassword.toCharArray(), address))
        .contains("password.current.wrong");
    assertThat(signIn.changePassword(name, PASSWORD.toCharArray(), "short".toCharArray(), address))
        .contains("password.too-short");
    assertThat(signIn.changePassword(name, PASSWORD.toCharArray(), PASSWORD.toCharArray(), address))
        .contains("password.unchanged");
    assertThat(
            signIn.changePassword(name, PASSWORD.toCharArray(), newPassword.toCharArray(), address))
        .isEmpty();

    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.REFUSED);
    assertThat(signIn.signIn(name, newPassword.toCharArray(), address).status())
        .isEqualTo(Status.SIGNED_IN);
    assertThat(signIn.securityLog(name, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("PASSWORD_CHANGED", "PASSWORD_CHANGE_REFUSED");
  }

  @Test
  void administratorsCreateAccountsWithAOneTimePasswordToReplace() throws Exception {
    String admin = staff(Role.ADMINISTRATOR);
    String editor = staff(Role.EDITOR);
    String name = "new-" + UUID.randomUUID().toString().substring(0, 8);

    assertThat(
            directory
                .create(
                    editor,
                    name,
                    "Nouvelle",
                    "new@example.org",
                    EnumSet.of(Role.MODERATOR),
                    address)
                .problem())
        .contains("staff.notAllowed");
    assertThat(
            directory
                .create(
                    admin,
                    "No Spaces!",
                    "X",
                    "new@example.org",
                    EnumSet.of(Role.MODERATOR),
                    address)
                .problem())
        .contains("username.invalid");
    assertThat(
            directory
                .create(
                    admin, name, "Nouvelle", "new@example.org", EnumSet.noneOf(Role.class), address)
                .problem())
        .contains("roles.required");

    var created =
        directory.create(
            admin, name, "Nouvelle", "new@example.org", EnumSet.of(Role.MODERATOR), address);
    assertThat(created.oneTimePassword()).hasValueSatisfying(p -> assertThat(p).hasSize(23));
    assertThat(
            directory
                .create(admin, name, "Encore", "new@example.org", EnumSet.of(Role.EDITOR), address)
                .problem())
        .contains("username.taken");

    var first = signIn.signIn(name, created.oneTimePassword().get().toCharArray(), address);
    assertThat(first.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(first.mustChangePassword()).isTrue();
    assertThat(first.roles()).containsExactly(Role.MODERATOR);
    signIn.changePassword(
        name, created.oneTimePassword().get().toCharArray(), PASSWORD.toCharArray(), address);
    assertThat(signIn.signIn(name, PASSWORD.toCharArray(), address).mustChangePassword()).isFalse();
    assertThat(directory.list(0, 1000)).extracting(m -> m.username()).contains(name, admin, editor);
  }

  @Test
  void aDisabledAccountCannotSignInAndNobodyDisablesThemselves() throws Exception {
    String admin = staff(Role.ADMINISTRATOR);
    String editor = staff(Role.EDITOR);
    assertThat(directory.setDisabled(editor, admin, true, address)).contains("staff.notAllowed");
    assertThat(directory.setDisabled(admin, admin, true, address)).contains("staff.notYourself");

    assertThat(directory.setDisabled(admin, editor, true, address)).isEmpty();
    assertThat(signIn.isActive(editor)).isFalse();
    var disabledEditors =
        new StaffDirectory.Filter(editor.toUpperCase(), Role.EDITOR, StaffDirectory.State.DISABLED);
    assertThat(directory.count(disabledEditors)).isOne();
    assertThat(directory.list(disabledEditors, 0, 10))
        .singleElement()
        .satisfies(m -> assertThat(m.disabled()).isTrue());
    assertThat(
            directory.count(
                new StaffDirectory.Filter(editor, Role.EDITOR, StaffDirectory.State.ACTIVE)))
        .isZero();
    assertThat(
            directory.count(
                new StaffDirectory.Filter(editor, Role.ADMINISTRATOR, StaffDirectory.State.ALL)))
        .as("a role is matched whole, never inside another")
        .isZero();
    assertThat(directory.count(new StaffDirectory.Filter("s%aff_", null, null)))
        .as("LIKE’s wildcards are taken out, never wildcards")
        .isZero();
    assertThat(signIn.signIn(editor, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.REFUSED);

    assertThat(directory.setDisabled(admin, editor, false, address)).isEmpty();
    assertThat(signIn.isActive(editor)).isTrue();
    assertThat(signIn.signIn(editor, PASSWORD.toCharArray(), address).status())
        .isEqualTo(Status.SIGNED_IN);
    assertThat(signIn.securityLog(editor, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
  }

  @Test
  void theSecondFactorIsEnrolledWithACodeThenAskedAtEverySignIn() throws Exception {
    String name = staff();
    var first = signIn.signIn(name, PASSWORD.toCharArray(), address);
    assertThat(first.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(first.mustEnrolSecondFactor()).isTrue();

    String secret = Totp.newSecret();
    assertThat(signIn.enrolSecondFactor(name, secret, "000000", address).problem())
        .contains("twoFactor.code.wrong");
    var enrolment =
        signIn.enrolSecondFactor(name, secret, Totp.codeAt(secret, Instant.now()), address);
    assertThat(enrolment.problem()).isEmpty();
    assertThat(enrolment.recoveryCodes()).hasSize(RecoveryCodes.COUNT);
    assertThat(signIn.hasSecondFactor(name)).isTrue();

    var passwordStep = signIn.signIn(name, PASSWORD.toCharArray(), address);
    assertThat(passwordStep.status()).isEqualTo(Status.SECOND_FACTOR_NEEDED);
    assertThat(passwordStep.roles()).isEmpty();
    // The code used for the enrolment cannot be used again; the next step's code can.
    assertThat(signIn.secondFactor(name, Totp.codeAt(secret, Instant.now()), address).status())
        .isEqualTo(Status.REFUSED);
    var signedIn =
        signIn.secondFactor(name, Totp.codeAt(secret, Instant.now().plusSeconds(30)), address);
    assertThat(signedIn.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(signedIn.mustEnrolSecondFactor()).isFalse();
    assertThat(signedIn.roles()).containsExactly(Role.EDITOR);
    assertThat(signIn.securityLog(name, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_FAILED", "SIGN_IN");
  }

  @Test
  void aRecoveryCodeWorksOnceAndWrongCodesAreThrottled() throws Exception {
    String name = staff();
    String secret = Totp.newSecret();
    var codes =
        signIn
            .enrolSecondFactor(name, secret, Totp.codeAt(secret, Instant.now()), address)
            .recoveryCodes();

    String typed = codes.get(3).toUpperCase().replace("-", " ");
    assertThat(signIn.secondFactor(name, typed, address).status()).isEqualTo(Status.SIGNED_IN);
    assertThat(signIn.secondFactor(name, typed, address).status()).isEqualTo(Status.REFUSED);
    assertThat(signIn.recoveryCodesLeft(name)).isEqualTo(RecoveryCodes.COUNT - 1);

    for (int i = 1; i < SignInThrottle.PER_ACCOUNT.freeFailures(); i++) {
      assertThat(signIn.secondFactor(name, "12345" + i, address).status())
          .isEqualTo(Status.REFUSED);
    }
    assertThat(signIn.secondFactor(name, codes.get(4), address).status())
        .isEqualTo(Status.THROTTLED);
    assertThat(signIn.securityLog(name, 0, 20))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("RECOVERY_CODE_USED", "SIGN_IN_THROTTLED");
  }

  @Test
  void anAdministratorResetsALostSecondFactor() throws Exception {
    String admin = staff(Role.ADMINISTRATOR);
    String editor = staff();
    String secret = Totp.newSecret();
    signIn.enrolSecondFactor(editor, secret, Totp.codeAt(secret, Instant.now()), address);

    assertThat(directory.resetSecondFactor(editor, admin, address)).contains("staff.notAllowed");
    assertThat(directory.resetSecondFactor(admin, admin, address)).contains("staff.notYourself");
    assertThat(directory.resetSecondFactor(admin, editor, address)).isEmpty();

    var next = signIn.signIn(editor, PASSWORD.toCharArray(), address);
    assertThat(next.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(next.mustEnrolSecondFactor()).isTrue();
    assertThat(signIn.securityLog(editor, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("SECOND_FACTOR_RESET");
  }

  @Test
  void anAdministratorChangesSomeoneElsesRoles() throws Exception {
    String admin = staff(Role.ADMINISTRATOR);
    String editor = staff(Role.EDITOR);
    assertThat(directory.changeRoles(editor, admin, EnumSet.of(Role.EDITOR), address))
        .contains("staff.notAllowed");
    assertThat(directory.changeRoles(admin, admin, EnumSet.of(Role.EDITOR), address))
        .contains("staff.notYourself");
    assertThat(directory.changeRoles(admin, editor, EnumSet.noneOf(Role.class), address))
        .contains("roles.required");
    assertThat(directory.changeRoles(admin, editor, EnumSet.of(Role.MODERATOR), address)).isEmpty();
    assertThat(signIn.currentRoles(editor)).containsExactly(Role.MODERATOR);
    assertThat(signIn.securityLog(editor, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("ROLES_CHANGED");
    directory.setDisabled(admin, editor, true, address);
    assertThat(signIn.currentRoles(editor)).isEmpty();
  }

  @Test
  void aSignInFromANewBrowserIsMailedToTheHolder() throws Exception {
    String admin = staff(Role.ADMINISTRATOR);
    String name = "mailed-" + UUID.randomUUID().toString().substring(0, 8);
    String email = name + "@example.org";
    directory.create(admin, name, "Éditrice", email, EnumSet.of(Role.EDITOR), address);

    String first =
        signIn.recognizeDevice(name, null, "Mozilla/5.0 (X11; Linux) Firefox/140.0", address);
    assertThat(first).hasSize(43);
    assertThat(signIn.recognizeDevice(name, first, "Firefox/140.0", address)).isEqualTo(first);
    assertThat(mailsTo(email)).as("first browser, nothing to report").isZero();

    String second = signIn.recognizeDevice(name, "forged-token", "Chrome/141.0 Windows", address);
    assertThat(second).isNotEqualTo(first);
    assertThat(mailsTo(email)).isOne();
    assertThat(signIn.securityLog(name, 0, 10))
        .extracting(StaffSignIn.SecurityLogEntry::kind)
        .contains("NEW_DEVICE");
    assertThat(
            directory
                .create(admin, "x-" + name, "X", "not-an-email", EnumSet.of(Role.EDITOR), address)
                .problem())
        .contains("email.invalid");
  }

  @Test
  void theHolderSetsTheirAddressWithTheirPassword() throws Exception {
    String name = staff();
    assertThat(signIn.email(name)).isEmpty();
    assertThat(signIn.changeEmail(name, "wrong".toCharArray(), "ed@example.org", address))
        .contains("password.current.wrong");
    assertThat(signIn.changeEmail(name, PASSWORD.toCharArray(), "not an address", address))
        .contains("email.invalid");
    assertThat(signIn.changeEmail(name, PASSWORD.toCharArray(), " Ed@Example.org ", address))
        .isEmpty();
    assertThat(signIn.email(name)).contains("ed@example.org");
  }

  private long mailsTo(String recipient) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                .setParameter(1, recipient)
                .getSingleResult())
        .longValue();
  }

  private String staff() throws Exception {
    return staff(Role.EDITOR);
  }

  /** A fresh editor account with {@link #PASSWORD}. */
  private String staff(Role role) throws Exception {
    String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    transaction.begin();
    em.persist(
        new StaffAccount(
            name,
            "Éditrice",
            PasswordHash.hash(PASSWORD.toCharArray()),
            EnumSet.of(role),
            Instant.now()));
    transaction.commit();
    return name;
  }
}
