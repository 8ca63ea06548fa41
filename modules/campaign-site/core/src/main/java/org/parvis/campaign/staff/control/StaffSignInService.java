package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.ResourceBundle;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.campaign.staff.entity.SecurityEvent;
import org.parvis.campaign.staff.entity.SecurityEvent.Kind;
import org.parvis.campaign.staff.entity.StaffAccount;
import org.parvis.campaign.staff.entity.StaffDevice;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.security.Browsers;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.PasswordHash;
import org.parvis.kernel.api.security.PasswordPolicy;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.kernel.api.security.control.ThrottleLedger;

/** Staff sign-in and first-run setup on the brand database. */
@ApplicationScoped
@Transactional
public class StaffSignInService implements StaffSignIn {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject FirstRunSetup setup;
  @Inject StaffSignInAttempts attempts;

  Clock clock = Clock.systemUTC();

  private volatile Instant lastPurge = Instant.EPOCH;

  @Override
  @Transactional
  public SignInResult signIn(
      String username, char[] password, String remoteAddress, String deviceToken) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    var ledger = new ThrottleLedger(em);
    String accountKey = attempts.accountKey(name, deviceToken);
    String addressKey = ThrottleLedger.key("address", remoteAddress);
    // Claimed before the password is checked: parallel guesses see each other.
    var rules = new java.util.LinkedHashMap<String, SignInThrottle>();
    rules.put(accountKey, SignInThrottle.PER_ACCOUNT);
    rules.put(addressKey, SignInThrottle.PER_ADDRESS);
    // Claimed first, before this transaction touches the database: the claim runs in one of its
    // own, and the purge below deletes throttle rows (claiming after it could wait on itself).
    var claim = attempts.claim(rules, now);
    Duration wait = claim.delay();
    purgeOldFailures(now);
    if (!wait.isZero()) {
      log(now, null, Kind.SIGN_IN_THROTTLED, remoteAddress, "wait " + wait.toSeconds() + " s");
      return SignInResult.throttled(wait);
    }
    var account = find(name);
    boolean passwordMatches =
        password != null
            && password.length <= PasswordPolicy.MAX_LENGTH
            && PasswordHash.verify(
                password, account.map(StaffAccount::passwordHash).orElse(PasswordHash.DECOY));
    if (account.isEmpty() || !passwordMatches || account.get().isDisabled()) {
      // An unknown name may be a password typed in the wrong field: it is not written down.
      log(
          now,
          account.map(StaffAccount::username).orElse(null),
          Kind.SIGN_IN_FAILED,
          remoteAddress,
          account.isEmpty() ? "unknown account" : account.get().isDisabled() ? "disabled" : null);
      return SignInResult.refused();
    }
    ledger.retract(addressKey, claim);
    ledger.forgive(accountKey);
    var staff = account.get();
    if (PasswordHash.isOutdated(staff.passwordHash())) {
      staff.rehashPassword(PasswordHash.hash(password));
    }
    if (staff.hasTwoFactor()) {
      return SignInResult.secondFactorNeeded(staff.username());
    }
    return signedIn(staff, now, remoteAddress, "without second factor: enrolment required");
  }

  @Override
  @Transactional
  public SignInResult secondFactor(String username, String code, String remoteAddress) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    var ledger = new ThrottleLedger(em);
    String key = ThrottleLedger.key("second-factor", name);
    var rules = new java.util.LinkedHashMap<String, SignInThrottle>();
    rules.put(key, SignInThrottle.PER_ACCOUNT);
    var claim = attempts.claim(rules, now);
    Duration wait = claim.delay();
    if (!wait.isZero()) {
      log(now, name, Kind.SIGN_IN_THROTTLED, remoteAddress, "second factor");
      return SignInResult.throttled(wait);
    }
    var account = find(name).filter(a -> !a.isDisabled() && a.hasTwoFactor());
    if (account.isEmpty()) {
      return SignInResult.refused();
    }
    var staff = account.get();
    // Locked and read again: two requests with the same code must not both pass.
    em.refresh(staff, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    switch (staff.twoFactor().verify(code, now)) {
      case TOTP -> {
        ledger.forgive(key);
        return signedIn(staff, now, remoteAddress, null);
      }
      case RECOVERY_CODE -> {
        ledger.forgive(key);
        log(
            now,
            name,
            Kind.RECOVERY_CODE_USED,
            remoteAddress,
            staff.twoFactor().recoveryCodesLeft() + " left");
        return signedIn(staff, now, remoteAddress, "with a recovery code");
      }
      default -> {
        // counted below
      }
    }
    log(now, name, Kind.SECOND_FACTOR_FAILED, remoteAddress, null);
    return SignInResult.refused();
  }

  private SignInResult signedIn(StaffAccount staff, Instant now, String address, String detail) {
    staff.signedIn(now);
    log(now, staff.username(), Kind.SIGN_IN, address, detail);
    return SignInResult.signedIn(
        staff.username(),
        staff.displayName(),
        staff.roles(),
        staff.mustChangePassword(),
        !staff.hasTwoFactor());
  }

  @Override
  @Transactional
  public Enrolment enrolSecondFactor(
      String username, String secret, String code, String remoteAddress) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    var account = find(name).filter(a -> !a.isDisabled());
    if (account.isEmpty()) {
      return Enrolment.refused("twoFactor.failed");
    }
    var codes = RecoveryCodes.generate();
    if (!account.get().twoFactor().enrol(secret, code, now, codes)) {
      log(now, name, Kind.SECOND_FACTOR_FAILED, remoteAddress, "enrolment");
      return Enrolment.refused("twoFactor.code.wrong");
    }
    account.get().endSessionsBefore(now);
    log(now, name, Kind.SECOND_FACTOR_ENROLLED, remoteAddress, null);
    return new Enrolment(codes, Optional.empty());
  }

  @Override
  @Transactional
  public String recognizeDevice(
      String username, String deviceToken, String userAgent, String remoteAddress) {
    Instant now = clock.instant();
    var account = find(StaffAccount.normalize(username)).orElseThrow();
    var device =
        deviceToken == null || deviceToken.length() != 43
            ? null
            : em.find(StaffDevice.class, digest(deviceToken));
    if (device != null && device.account().id().equals(account.id())) {
      device.seen(now);
      return deviceToken;
    }
    long known =
        em.createNamedQuery(StaffDevice.COUNT_OF_ACCOUNT, Long.class)
            .setParameter("account", account)
            .getSingleResult();
    String token = OneTimeCodes.randomKey();
    String browser = Browsers.describe(userAgent);
    em.persist(new StaffDevice(digest(token), account, browser, now));
    if (known > 0) {
      log(now, account.username(), Kind.NEW_DEVICE, remoteAddress, browser);
      account
          .email()
          .ifPresent(
              email -> {
                var bundle = ResourceBundle.getBundle("org.parvis.campaign.staff.control.mails");
                Object[] arguments = {
                  partyName(),
                  account.displayName(),
                  DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                      .withZone(ZoneId.of("Europe/Paris"))
                      .format(now),
                  browser,
                  remoteAddress
                };
                new MailOutbox(em)
                    .queue(
                        email,
                        MessageFormat.format(bundle.getString("newDevice.subject"), arguments),
                        MessageFormat.format(bundle.getString("newDevice.body"), arguments),
                        now);
              });
    }
    return token;
  }

  private static String partyName() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("parvis.party.name", String.class)
        .orElse("Parvis");
  }

  private static String digest(String token) {
    return RecoveryCodes.sha256(token);
  }

  @Override
  public boolean hasSecondFactor(String username) {
    return find(StaffAccount.normalize(username)).filter(StaffAccount::hasTwoFactor).isPresent();
  }

  @Override
  public int recoveryCodesLeft(String username) {
    return find(StaffAccount.normalize(username))
        .map(a -> a.twoFactor().recoveryCodesLeft())
        .orElse(0);
  }

  @Override
  public java.util.Set<Role> currentRoles(String username) {
    return currentRoles(username, null);
  }

  @Override
  public java.util.Set<Role> currentRoles(String username, Instant signedInAt) {
    return find(StaffAccount.normalize(username))
        .filter(a -> !a.isDisabled())
        .filter(a -> signedInAt == null || a.sessionStillValid(signedInAt))
        .map(StaffAccount::roles)
        .orElse(java.util.Set.of());
  }

  @Override
  public boolean isActive(String username) {
    return find(StaffAccount.normalize(username)).filter(a -> !a.isDisabled()).isPresent();
  }

  @Override
  public boolean firstAdministratorNeeded() {
    boolean needed = em.createNamedQuery(StaffAccount.COUNT, Long.class).getSingleResult() == 0;
    if (needed) {
      setup.announce();
    }
    return needed;
  }

  @Override
  @Transactional
  public SetupResult createFirstAdministrator(
      String setupCode,
      String username,
      String displayName,
      String email,
      char[] password,
      String remoteAddress) {
    Instant now = clock.instant();
    if (!firstAdministratorNeeded()) {
      return new SetupResult(false, "setup.done");
    }
    if (!setup.matches(setupCode)) {
      log(now, null, Kind.FIRST_ADMINISTRATOR_SETUP_REFUSED, remoteAddress, "wrong setup code");
      return new SetupResult(false, "setup.code.wrong");
    }
    String name = StaffAccount.normalize(username);
    if (!StaffAccount.USERNAME.matcher(name).matches()) {
      return new SetupResult(false, "username.invalid");
    }
    if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
      return new SetupResult(false, "displayName.invalid");
    }
    if (!EmailAddress.valid(EmailAddress.normalize(email))) {
      return new SetupResult(false, "email.invalid");
    }
    var problem = PasswordPolicy.problem(password, name, displayName, email);
    if (problem.isPresent()) {
      return new SetupResult(false, problem.get());
    }
    em.persist(
        new StaffAccount(
            name,
            displayName,
            email,
            PasswordHash.hash(password),
            EnumSet.of(Role.ADMINISTRATOR),
            now));
    log(now, name, Kind.ACCOUNT_CREATED, remoteAddress, "first administrator");
    setup.used();
    return new SetupResult(true, null);
  }

  @Override
  @Transactional
  public Optional<String> changePassword(
      String username, char[] currentPassword, char[] newPassword, String remoteAddress) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    var ledger = new ThrottleLedger(em);
    String accountKey = ThrottleLedger.key("account", name);
    if (!ledger.remaining(SignInThrottle.PER_ACCOUNT, accountKey, now).isZero()) {
      log(now, name, Kind.SIGN_IN_THROTTLED, remoteAddress, "password change");
      return Optional.of("password.throttled");
    }
    var account = find(name);
    if (account.isEmpty()
        || currentPassword == null
        || currentPassword.length > PasswordPolicy.MAX_LENGTH
        || !PasswordHash.verify(currentPassword, account.get().passwordHash())) {
      ledger.failed(accountKey, now);
      log(now, name, Kind.PASSWORD_CHANGE_REFUSED, remoteAddress, "wrong current password");
      return Optional.of("password.current.wrong");
    }
    var problem = PasswordPolicy.problem(newPassword, name);
    if (problem.isPresent()) {
      return problem;
    }
    if (PasswordHash.verify(newPassword, account.get().passwordHash())) {
      return Optional.of("password.unchanged");
    }
    account.get().passwordChanged(PasswordHash.hash(newPassword));
    account.get().endSessionsBefore(clock.instant());
    log(now, name, Kind.PASSWORD_CHANGED, remoteAddress, null);
    return Optional.empty();
  }

  @Override
  @Transactional
  public Optional<String> changeEmail(
      String username, char[] currentPassword, String email, String remoteAddress) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    var ledger = new ThrottleLedger(em);
    String accountKey = ThrottleLedger.key("account", name);
    if (!ledger.remaining(SignInThrottle.PER_ACCOUNT, accountKey, now).isZero()) {
      return Optional.of("password.throttled");
    }
    var account = find(name);
    if (account.isEmpty()
        || currentPassword == null
        || currentPassword.length > PasswordPolicy.MAX_LENGTH
        || !PasswordHash.verify(currentPassword, account.get().passwordHash())) {
      ledger.failed(accountKey, now);
      log(now, name, Kind.PASSWORD_CHANGE_REFUSED, remoteAddress, "change of email");
      return Optional.of("password.current.wrong");
    }
    if (!EmailAddress.valid(EmailAddress.normalize(email))) {
      return Optional.of("email.invalid");
    }
    account.get().emailChanged(email);
    log(now, name, Kind.EMAIL_CHANGED, remoteAddress, null);
    return Optional.empty();
  }

  @Override
  public Optional<String> email(String username) {
    return find(StaffAccount.normalize(username)).flatMap(StaffAccount::email);
  }

  /** Pages of the security log never exceed this many entries. */
  static final int MAX_PAGE = 100;

  @Override
  public java.util.List<SecurityLogEntry> securityLog(String username, int first, int size) {
    return em.createNamedQuery(SecurityEvent.OF_USER, SecurityEvent.class)
        .setParameter("username", StaffAccount.normalize(username))
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultStream()
        .map(
            e ->
                new SecurityLogEntry(
                    e.occurredAt(), e.kind().name(), e.remoteAddress(), e.detail()))
        .toList();
  }

  private Optional<StaffAccount> find(String username) {
    return em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** At most once an hour, forget failures older than a day: the table stays small. */
  private void purgeOldFailures(Instant now) {
    if (now.isAfter(lastPurge.plus(Duration.ofHours(1)))) {
      lastPurge = now;
      forgetFailuresBefore(now.minus(ThrottleLedger.FORGET_AFTER));
    }
  }

  /** Deletes the throttling rows whose last failure is older than {@code limit}. */
  @Transactional
  public int forgetFailuresBefore(Instant limit) {
    return new ThrottleLedger(em).forgetBefore(limit);
  }

  private void log(Instant now, String username, Kind kind, String address, String detail) {
    em.persist(new SecurityEvent(now, username, kind, address, detail));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
