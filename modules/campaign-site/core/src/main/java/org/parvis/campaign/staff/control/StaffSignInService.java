package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.campaign.staff.entity.SecurityEvent;
import org.parvis.campaign.staff.entity.SecurityEvent.Kind;
import org.parvis.campaign.staff.entity.StaffAccount;
import org.parvis.campaign.staff.entity.ThrottleEntry;
import org.parvis.kernel.api.Role;

/** Staff sign-in and first-run setup on the brand database. */
@ApplicationScoped
public class StaffSignInService implements StaffSignIn {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject FirstRunSetup setup;

  Clock clock = Clock.systemUTC();

  /** Failures older than this no longer slow anyone down (the longest delay is 15 minutes). */
  static final Duration FORGET_FAILURES_AFTER = Duration.ofDays(1);

  private volatile Instant lastPurge = Instant.EPOCH;

  @Override
  @Transactional
  public SignInResult signIn(String username, char[] password, String remoteAddress) {
    String name = StaffAccount.normalize(username);
    Instant now = clock.instant();
    purgeOldFailures(now);
    String accountKey = throttleKey("account", name);
    String addressKey = throttleKey("address", remoteAddress);
    var accountThrottle = throttle(accountKey);
    var addressThrottle = throttle(addressKey);
    Duration wait =
        max(
            remaining(SignInThrottle.PER_ACCOUNT, accountThrottle, now),
            remaining(SignInThrottle.PER_ADDRESS, addressThrottle, now));
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
      failed(accountThrottle, accountKey, now);
      failed(addressThrottle, addressKey, now);
      // An unknown name may be a password typed in the wrong field: it is not written down.
      log(
          now,
          account.map(StaffAccount::username).orElse(null),
          Kind.SIGN_IN_FAILED,
          remoteAddress,
          account.isEmpty() ? "unknown account" : account.get().isDisabled() ? "disabled" : null);
      return SignInResult.refused();
    }
    accountThrottle.ifPresent(em::remove);
    var staff = account.get();
    staff.signedIn(now);
    if (PasswordHash.isOutdated(staff.passwordHash())) {
      staff.rehashPassword(PasswordHash.hash(password));
    }
    log(now, name, Kind.SIGN_IN, remoteAddress, null);
    return SignInResult.signedIn(
        staff.username(), staff.displayName(), staff.roles(), staff.mustChangePassword());
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
    var problem = PasswordPolicy.problem(password, name);
    if (problem.isPresent()) {
      return new SetupResult(false, problem.get());
    }
    em.persist(
        new StaffAccount(
            name, displayName, PasswordHash.hash(password), EnumSet.of(Role.ADMINISTRATOR), now));
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
    String accountKey = throttleKey("account", name);
    var accountThrottle = throttle(accountKey);
    if (!remaining(SignInThrottle.PER_ACCOUNT, accountThrottle, now).isZero()) {
      log(now, name, Kind.SIGN_IN_THROTTLED, remoteAddress, "password change");
      return Optional.of("password.throttled");
    }
    var account = find(name);
    if (account.isEmpty()
        || currentPassword == null
        || currentPassword.length > PasswordPolicy.MAX_LENGTH
        || !PasswordHash.verify(currentPassword, account.get().passwordHash())) {
      failed(accountThrottle, accountKey, now);
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
    log(now, name, Kind.PASSWORD_CHANGED, remoteAddress, null);
    return Optional.empty();
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
      forgetFailuresBefore(now.minus(FORGET_FAILURES_AFTER));
    }
  }

  /** Deletes the throttling rows whose last failure is older than {@code limit}. */
  @Transactional
  public int forgetFailuresBefore(Instant limit) {
    return em.createNamedQuery(ThrottleEntry.DELETE_OLDER_THAN)
        .setParameter("limit", limit.atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
  }

  /** Throttling keys are hashed: the table keeps no typed name nor address in clear. */
  static String throttleKey(String kind, String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
      return kind + ":" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<ThrottleEntry> throttle(String key) {
    return Optional.ofNullable(em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE));
  }

  private static Duration remaining(
      SignInThrottle rule, Optional<ThrottleEntry> entry, Instant now) {
    return entry
        .map(e -> rule.remaining(e.failures(), e.lastFailureAt(), now))
        .orElse(Duration.ZERO);
  }

  private void failed(Optional<ThrottleEntry> entry, String key, Instant now) {
    if (entry.isEmpty()) {
      // Two first failures for one key at the same moment: the second insert waits for the
      // first and does nothing, then both count on the same row (PostgreSQL, and H2 in its
      // PostgreSQL mode).
      em.createNativeQuery(
              "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at)"
                  + " VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
          .setParameter(1, key)
          .setParameter(2, now.atOffset(java.time.ZoneOffset.UTC))
          .executeUpdate();
    }
    entry
        .or(() -> Optional.of(em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE)))
        .get()
        .failed(now);
  }

  private void log(Instant now, String username, Kind kind, String address, String detail) {
    em.persist(new SecurityEvent(now, username, kind, address, detail));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
