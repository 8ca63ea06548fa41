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
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.campaign.api.StaffSignIn.SignInResult.Status;
import org.parvis.campaign.schema.control.BrandDatabase;
import org.parvis.campaign.staff.entity.SecurityEvent;
import org.parvis.campaign.staff.entity.StaffAccount;
import org.parvis.kernel.api.Role;
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
                "WRONG", "admin", "Admin", PASSWORD.toCharArray(), address))
        .extracting(StaffSignIn.SetupResult::problem)
        .isEqualTo("setup.code.wrong");
    assertThat(
            signIn.createFirstAdministrator(
                setup.code(), "admin", "Admin", "short".toCharArray(), address))
        .extracting(StaffSignIn.SetupResult::problem)
        .isEqualTo("password.too-short");

    var created =
        signIn.createFirstAdministrator(
            setup.code().toLowerCase(),
            " Admin ",
            "Administratrice",
            PASSWORD.toCharArray(),
            address);
    assertThat(created.created()).isTrue();
    assertThat(signIn.firstAdministratorNeeded()).isFalse();
    assertThat(
            signIn.createFirstAdministrator(
                "ANY", "other", "Other", PASSWORD.toCharArray(), address))
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
    for (var result : results) {
      assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS))
          .isIn(Status.REFUSED, Status.THROTTLED);
    }
    var row =
        em.find(
            org.parvis.campaign.staff.entity.ThrottleEntry.class,
            StaffSignInService.throttleKey("account", name));
    assertThat(row.failures()).isGreaterThanOrEqualTo(SignInThrottle.PER_ACCOUNT.freeFailures());
  }

  @Test
  void failuresOlderThanADayAreForgotten() throws Exception {
    String key = StaffSignInService.throttleKey("account", "old-" + UUID.randomUUID());
    transaction.begin();
    var old =
        new org.parvis.campaign.staff.entity.ThrottleEntry(
            key, Instant.now().minus(java.time.Duration.ofDays(2)));
    old.failed(Instant.now().minus(java.time.Duration.ofDays(2)));
    em.persist(old);
    transaction.commit();

    String recentKey = StaffSignInService.throttleKey("account", "recent-" + UUID.randomUUID());
    transaction.begin();
    var recent = new org.parvis.campaign.staff.entity.ThrottleEntry(recentKey, Instant.now());
    recent.failed(Instant.now());
    em.persist(recent);
    transaction.commit();

    assertThat(
            service.forgetFailuresBefore(
                Instant.now().minus(StaffSignInService.FORGET_FAILURES_AFTER)))
        .isPositive();
    assertThat(em.find(org.parvis.campaign.staff.entity.ThrottleEntry.class, key)).isNull();
    assertThat(em.find(org.parvis.campaign.staff.entity.ThrottleEntry.class, recentKey))
        .isNotNull();
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
                .create(editor, name, "Nouvelle", EnumSet.of(Role.MODERATOR), address)
                .problem())
        .contains("staff.notAllowed");
    assertThat(
            directory
                .create(admin, "No Spaces!", "X", EnumSet.of(Role.MODERATOR), address)
                .problem())
        .contains("username.invalid");
    assertThat(
            directory
                .create(admin, name, "Nouvelle", EnumSet.noneOf(Role.class), address)
                .problem())
        .contains("roles.required");

    var created = directory.create(admin, name, "Nouvelle", EnumSet.of(Role.MODERATOR), address);
    assertThat(created.oneTimePassword()).hasValueSatisfying(p -> assertThat(p).hasSize(23));
    assertThat(directory.create(admin, name, "Encore", EnumSet.of(Role.EDITOR), address).problem())
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
