package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.security.PasswordHash;
import org.parvis.kernel.api.security.PasswordPolicy;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.kernel.api.security.TwoFactor;
import org.parvis.kernel.api.security.control.ThrottleLedger;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberConsent;
import org.parvis.network.member.entity.MemberEmailToken;
import org.parvis.network.member.entity.MemberEmailToken.Purpose;
import org.parvis.network.member.entity.MemberSecurityEvent;
import org.parvis.network.member.entity.MemberSecurityEvent.Kind;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.territory.entity.Commune;

/**
 * Members' accounts on the network database: registration with a confirmed email and an explicit
 * art. 9 consent, sign-in with throttling, password reset and change of email by single-use links.
 * No answer tells whether an email address has an account.
 */
@ApplicationScoped
@Transactional
public class MemberAccounts {

  /** The version of the consent text shown at registration (key consent.text in the bundles). */
  public static final String CONSENT_TEXT_VERSION = "2026-11-22";

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject MemberMail mail;
  @Inject SignInAttempts attempts;
  @Inject MemberSessions sessions;
  @Inject OfficialRegistry officials;

  Clock clock = Clock.systemUTC();

  /** What the registration form sends. */
  public record Registration(
      String handle,
      String displayName,
      String email,
      char[] password,
      String communeCode,
      boolean consentToPoliticalOpinions,
      Locale language) {}

  /**
   * Registers a member, whose email must then be confirmed. When the address already has an
   * account, its holder gets a mail saying so and the answer is the same as for a new account.
   *
   * @return the message key of the problem per form field; empty when registered (or told)
   */
  @Transactional
  public Map<String, String> register(Registration form, String remoteAddress) {
    Instant now = clock.instant();
    var problems = new LinkedHashMap<String, String>();
    String handle = MemberAccount.normalizeHandle(form.handle());
    String email = MemberAccount.normalizeEmail(form.email());
    if (!MemberAccount.HANDLE.matcher(handle).matches()) {
      problems.put("handle", "handle.invalid");
    } else if (find(MemberAccount.BY_HANDLE, "handle", handle).isPresent() || retired(handle)) {
      problems.put("handle", "handle.taken");
    }
    if (!MemberAccount.validDisplayName(form.displayName())) {
      problems.put("displayName", "displayName.invalid");
    }
    if (!MemberAccount.validEmail(email)) {
      problems.put("email", "email.invalid");
    }
    PasswordPolicy.problem(form.password(), handle, form.displayName(), email)
        .ifPresent(problem -> problems.put("password", problem));
    Commune commune =
        form.communeCode() == null || !form.communeCode().matches("[0-9AB]{5}")
            ? null
            : em.find(Commune.class, form.communeCode());
    if (commune == null) {
      problems.put("commune", "commune.required");
    }
    if (!form.consentToPoliticalOpinions()) {
      problems.put("consent", "consent.required");
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    // Hashed before the address is looked up: an address with an account and one without take the
    // same time to answer, so the timing does not tell who has an account.
    String passwordHash = PasswordHash.hash(form.password());
    var existing = find(MemberAccount.BY_EMAIL, "email", email);
    if (existing.isPresent()) {
      var holder = existing.get();
      mail.send(
          holder.email(),
          holder.language(),
          "existing",
          now,
          holder.displayName(),
          mail.link("/connexion.xhtml"),
          holder.handle());
      log(holder, now, Kind.REGISTRATION_ATTEMPTED, remoteAddress, null);
      return Map.of();
    }
    var member =
        new MemberAccount(
            handle, form.displayName(), email, passwordHash, commune, form.language(), now);
    em.persist(member);
    em.persist(
        new MemberConsent(member, MemberConsent.POLITICAL_OPINIONS, CONSENT_TEXT_VERSION, now));
    var link = MemberEmailToken.issue(member, Purpose.CONFIRM_EMAIL, null, now);
    em.persist(link.token());
    mail.confirmation(member, link.secret(), now);
    log(member, now, Kind.REGISTERED, remoteAddress, null);
    return Map.of();
  }

  /** Whether the handle belonged to an account erased less than a year ago. */
  private boolean retired(String handle) {
    return !em.createNativeQuery(
            "SELECT 1 FROM retired_handle WHERE handle_digest = ? AND retired_at > ?")
        .setParameter(1, MemberAccount.handleDigest(handle))
        .setParameter(
            2, clock.instant().minus(Duration.ofDays(365)).atOffset(java.time.ZoneOffset.UTC))
        .getResultList()
        .isEmpty();
  }

  /** The outcome of following a link from an email. */
  public enum LinkResult {
    CONFIRMED,
    EMAIL_CHANGED,
    EMAIL_TAKEN,
    INVALID
  }

  /** Follows a confirmation or change-of-email link. */
  @Transactional
  public LinkResult confirm(String secret, String remoteAddress) {
    Instant now = clock.instant();
    var token = token(secret);
    if (token.isEmpty()) {
      return LinkResult.INVALID;
    }
    var member = token.get().member();
    if (token.get().use(Purpose.CONFIRM_EMAIL, now)) {
      member.emailConfirmed(now);
      log(member, now, Kind.EMAIL_CONFIRMED, remoteAddress, null);
      return LinkResult.CONFIRMED;
    }
    if (token.get().use(Purpose.CHANGE_EMAIL, now)) {
      String newEmail = token.get().newEmail().orElseThrow();
      if (find(MemberAccount.BY_EMAIL, "email", newEmail).isPresent()) {
        return LinkResult.EMAIL_TAKEN;
      }
      member.emailChanged(newEmail, now);
      log(member, now, Kind.EMAIL_CHANGED, remoteAddress, null);
      return LinkResult.EMAIL_CHANGED;
    }
    return LinkResult.INVALID;
  }

  /** The outcome of a sign-in. */
  public record SignIn(
      Status status,
      String handle,
      String displayName,
      Duration retryAfter,
      boolean mustEnrolSecondFactor) {

    /**
     * Signed in, password right and second factor to check, refused (the same for any reason),
     * email not confirmed yet, or asked to wait.
     */
    public enum Status {
      SIGNED_IN,
      SECOND_FACTOR_NEEDED,
      REFUSED,
      UNCONFIRMED,
      THROTTLED
    }

    static SignIn of(Status status) {
      return new SignIn(status, null, null, Duration.ZERO, false);
    }
  }

  /** A sign-in from a browser the account has not been seen on (no device cookie). */
  @Transactional
  public SignIn signIn(String emailTyped, char[] password, String remoteAddress) {
    return signIn(emailTyped, password, remoteAddress, null);
  }

  /**
   * Checks the password. Attempts are claimed before it is checked (parallel guesses see each
   * other) per address and per account; from a browser the account signed in from before (its
   * device cookie {@code deviceToken}), the account's count is that device's own, so that nobody
   * elsewhere can lock the holder out of their usual browser (OWASP ASVS 2.2.1).
   */
  @Transactional
  public SignIn signIn(
      String emailTyped, char[] password, String remoteAddress, String deviceToken) {
    Instant now = clock.instant();
    String email = MemberAccount.normalizeEmail(emailTyped);
    var ledger = new ThrottleLedger(em);
    // No database access in this transaction before the claim (which takes a connection of its
    // own): a sign-in never holds two connections at once.
    String accountKey = attempts.accountKey(email, deviceToken);
    String addressKey = ThrottleLedger.key("address", remoteAddress);
    var rules = new java.util.LinkedHashMap<String, SignInThrottle>();
    rules.put(accountKey, SignInThrottle.PER_ACCOUNT);
    rules.put(addressKey, SignInThrottle.PER_ADDRESS);
    var claim = attempts.claim(rules, now);
    Duration wait = claim.delay();
    var account =
        email.length() > MemberAccount.EMAIL_MAX
            ? Optional.<MemberAccount>empty()
            : find(MemberAccount.BY_EMAIL, "email", email);
    if (!wait.isZero()) {
      account.ifPresent(m -> log(m, now, Kind.SIGN_IN_THROTTLED, remoteAddress, null));
      return new SignIn(SignIn.Status.THROTTLED, null, null, wait, false);
    }
    boolean matches =
        password != null
            && password.length <= PasswordPolicy.MAX_LENGTH
            && PasswordHash.verify(
                password, account.map(MemberAccount::passwordHash).orElse(PasswordHash.DECOY));
    if (account.isEmpty() || !matches) {
      account.ifPresent(m -> log(m, now, Kind.SIGN_IN_FAILED, remoteAddress, null));
      return SignIn.of(SignIn.Status.REFUSED);
    }
    ledger.retract(addressKey, claim);
    ledger.forgive(accountKey);
    var member = account.get();
    if (PasswordHash.isOutdated(member.passwordHash())) {
      member.passwordChanged(PasswordHash.hash(password));
    }
    if (!member.isConfirmed()) {
      return SignIn.of(SignIn.Status.UNCONFIRMED);
    }
    if (member.twoFactor().isOn()) {
      return new SignIn(
          SignIn.Status.SECOND_FACTOR_NEEDED, member.handle(), null, Duration.ZERO, false);
    }
    return signedIn(member, now, remoteAddress, null);
  }

  private SignIn signedIn(MemberAccount member, Instant now, String address, String detail) {
    member.signedIn(now);
    log(member, now, Kind.SIGN_IN, address, detail);
    return new SignIn(
        SignIn.Status.SIGNED_IN,
        member.handle(),
        member.displayName(),
        Duration.ZERO,
        !member.twoFactor().isOn() && secondFactorRequired(member, now));
  }

  /**
   * The second step of a sign-in that answered {@code SECOND_FACTOR_NEEDED}: a code from the app or
   * a recovery code; failures are throttled per account.
   */
  @Transactional
  public SignIn secondFactor(String handle, String code, String remoteAddress) {
    Instant now = clock.instant();
    var ledger = new ThrottleLedger(em);
    String key = ThrottleLedger.key("member-second-factor", MemberAccount.normalizeHandle(handle));
    var rules = new java.util.LinkedHashMap<String, SignInThrottle>();
    rules.put(key, SignInThrottle.PER_ACCOUNT);
    // Claimed before this transaction touches the database (one connection at a time).
    var claim = attempts.claim(rules, now);
    Duration wait = claim.delay();
    var member =
        find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
            .filter(m -> m.isConfirmed() && m.twoFactor().isOn());
    if (member.isEmpty()) {
      return SignIn.of(SignIn.Status.REFUSED);
    }
    if (!wait.isZero()) {
      log(member.get(), now, Kind.SIGN_IN_THROTTLED, remoteAddress, "second factor");
      return new SignIn(SignIn.Status.THROTTLED, null, null, wait, false);
    }
    // Locked and read again: two requests with the same code must not both pass (the last step
    // used and the recovery codes are updated on this row).
    em.refresh(member.get(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    switch (member.get().twoFactor().verify(code, now)) {
      case TOTP -> {
        ledger.forgive(key);
        member.get().secondFactorProved(now);
        return signedIn(member.get(), now, remoteAddress, null);
      }
      case RECOVERY_CODE -> {
        ledger.forgive(key);
        member.get().secondFactorProved(now);
        log(member.get(), now, Kind.RECOVERY_CODE_USED, remoteAddress, null);
        return signedIn(member.get(), now, remoteAddress, "with a recovery code");
      }
      default -> {
        log(member.get(), now, Kind.SECOND_FACTOR_FAILED, remoteAddress, null);
        return SignIn.of(SignIn.Status.REFUSED);
      }
    }
  }

  /** New recovery codes (shown once), or the message key of the problem. */
  public record Enrolment(List<String> recoveryCodes, Optional<String> problem) {}

  /** Turns on the second factor (or moves it to a new app), proved by a code from the app. */
  @Transactional
  public Enrolment enrolSecondFactor(
      String handle, String secret, String code, String remoteAddress) {
    Instant now = clock.instant();
    var member = find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle));
    if (member.isEmpty()) {
      return new Enrolment(List.of(), Optional.of("account.unknown"));
    }
    var codes = RecoveryCodes.generate();
    if (!member.get().twoFactor().enrol(secret, code, now, codes)) {
      log(member.get(), now, Kind.SECOND_FACTOR_FAILED, remoteAddress, "enrolment");
      return new Enrolment(List.of(), Optional.of("twoFactor.code.wrong"));
    }
    member.get().secondFactorProved(now);
    log(member.get(), now, Kind.SECOND_FACTOR_ENROLLED, remoteAddress, null);
    secondFactorNotice(member.get(), "secondFactorOn", remoteAddress, now);
    return new Enrolment(codes, Optional.empty());
  }

  /**
   * Turns the second factor off, proved by a current code; refused to verified officials, for whom
   * it is mandatory.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> disableSecondFactor(String handle, String code, String remoteAddress) {
    return disableSecondFactor(handle, code, remoteAddress, null);
  }

  /**
   * Removes the member's second factor, proved by a code; every other session of the account ends
   * and the holder is told by mail (so that an attacker cannot remove it silently).
   *
   * @param currentSessionKey the session that asked, which stays open
   */
  @Transactional
  public Optional<String> disableSecondFactor(
      String handle, String code, String remoteAddress, String currentSessionKey) {
    Instant now = clock.instant();
    var member = find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle));
    if (member.isEmpty() || !member.get().twoFactor().isOn()) {
      return Optional.of("account.unknown");
    }
    if (secondFactorRequired(member.get(), now)) {
      return Optional.of("twoFactor.requiredForOfficials");
    }
    if (member.get().twoFactor().verify(code, now) == TwoFactor.Proof.NONE) {
      log(member.get(), now, Kind.SECOND_FACTOR_FAILED, remoteAddress, "disabling");
      return Optional.of("twoFactor.code.wrong");
    }
    member.get().twoFactor().reset();
    log(member.get(), now, Kind.SECOND_FACTOR_DISABLED, remoteAddress, null);
    sessions.endAllBut(member.get(), currentSessionKey, now);
    secondFactorNotice(member.get(), "secondFactorOff", remoteAddress, now);
    return Optional.empty();
  }

  /**
   * Mails the code that proves the holder reads the account's mailbox before an authenticator is
   * set up (the page keeps the code; nothing is stored).
   */
  public void mailEnrolmentCode(String handle, String code, String remoteAddress) {
    Instant now = clock.instant();
    find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
        .ifPresent(
            m ->
                mail.send(
                    m.email(),
                    m.language(),
                    "enrolmentCode",
                    now,
                    m.displayName(),
                    code,
                    String.valueOf(remoteAddress),
                    mail.link("/mot-de-passe-oublie.xhtml")));
  }

  /** Tells the holder that a second factor was set up or removed on their account. */
  private void secondFactorNotice(
      MemberAccount member, String kind, String remoteAddress, Instant now) {
    mail.send(
        member.email(),
        member.language(),
        kind,
        now,
        member.displayName(),
        MemberMail.dateTime(now, member.language()),
        String.valueOf(remoteAddress),
        mail.link("/mot-de-passe-oublie.xhtml"));
  }

  /** Whether the member must have a second factor: verified officials must. */
  boolean secondFactorRequired(MemberAccount member, Instant now) {
    return officials.isOfficial(member);
  }

  /** The state of a member's second factor, for their security page. */
  public record SecondFactorState(boolean on, int recoveryCodesLeft, boolean required) {}

  public SecondFactorState secondFactorState(String handle) {
    return find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
        .map(
            m ->
                new SecondFactorState(
                    m.twoFactor().isOn(),
                    m.twoFactor().recoveryCodesLeft(),
                    secondFactorRequired(m, clock.instant())))
        .orElse(new SecondFactorState(false, 0, false));
  }

  /**
   * Sends a password-reset link if the address has an account (a new confirmation link too, if it
   * is not confirmed yet); the caller says the same thing either way.
   */
  @Transactional
  public void requestPasswordReset(String emailTyped, String remoteAddress) {
    Instant now = clock.instant();
    String email = MemberAccount.normalizeEmail(emailTyped);
    if (!MemberAccount.validEmail(email)) {
      return;
    }
    var ledger = new ThrottleLedger(em);
    // At most a few mails per address and hour: the form cannot be used to flood a mailbox.
    String key = ThrottleLedger.key("reset", email);
    if (!ledger.remaining(RESET_MAILS, key, now).isZero()) {
      return;
    }
    ledger.failed(key, now);
    find(MemberAccount.BY_EMAIL, "email", email)
        .ifPresent(
            member -> {
              revokeLinks(member, Purpose.RESET_PASSWORD, now);
              var link = MemberEmailToken.issue(member, Purpose.RESET_PASSWORD, null, now);
              em.persist(link.token());
              mail.send(
                  member.email(),
                  member.language(),
                  "reset",
                  now,
                  member.displayName(),
                  mail.link("/nouveau-mot-de-passe.xhtml?jeton=" + link.secret()));
              log(member, now, Kind.PASSWORD_RESET_REQUESTED, remoteAddress, null);
            });
  }

  /** Three reset mails free, then one per 2, 4, 8... minutes: enough for a lost mail. */
  static final SignInThrottle RESET_MAILS = new SignInThrottle(3, Duration.ofHours(1));

  /** Whether a reset link is still good (to show the form or say at once that it is not). */
  public boolean resetLinkValid(String secret) {
    return token(secret).filter(t -> t.usable(Purpose.RESET_PASSWORD, clock.instant())).isPresent();
  }

  /**
   * Sets a new password with a reset link, once. Following the link also proves the address, so an
   * unconfirmed account becomes confirmed.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> resetPassword(String secret, char[] newPassword, String remoteAddress) {
    Instant now = clock.instant();
    var token = token(secret);
    if (token.isEmpty()) {
      return Optional.of("link.invalid");
    }
    var member = token.get().member();
    var problem =
        PasswordPolicy.problem(newPassword, member.handle(), member.displayName(), member.email());
    if (problem.isPresent()) {
      return problem;
    }
    if (!token.get().use(Purpose.RESET_PASSWORD, now)) {
      return Optional.of("link.invalid");
    }
    member.passwordChanged(PasswordHash.hash(newPassword));
    member.emailConfirmed(now);
    revokeLinks(member, Purpose.RESET_PASSWORD, now);
    // Whoever knew the old password is signed out everywhere, and no browser is known any more
    // (a device cookie gets its own sign-in throttle).
    sessions.endAllBut(member, null, now);
    sessions.forgetDevices(member);
    new ThrottleLedger(em).forgive(ThrottleLedger.key("member", member.email()));
    log(member, now, Kind.PASSWORD_RESET, remoteAddress, null);
    return Optional.empty();
  }

  /**
   * Asks to move a signed-in member's account to a new address: a link goes to the new address (the
   * change happens when it is followed) and a notice to the current one.
   *
   * @return empty when the link is sent, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> requestEmailChange(
      String handle, char[] currentPassword, String newEmailTyped, String remoteAddress) {
    Instant now = clock.instant();
    var member = find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle));
    if (member.isEmpty()) {
      return Optional.of("account.unknown");
    }
    var ledger = new ThrottleLedger(em);
    String key = ThrottleLedger.key("member", member.get().email());
    if (!ledger.remaining(SignInThrottle.PER_ACCOUNT, key, now).isZero()) {
      return Optional.of("signin.throttled.later");
    }
    if (currentPassword == null
        || currentPassword.length > PasswordPolicy.MAX_LENGTH
        || !PasswordHash.verify(currentPassword, member.get().passwordHash())) {
      ledger.failed(key, now);
      log(member.get(), now, Kind.SIGN_IN_FAILED, remoteAddress, "change of email");
      return Optional.of("password.current.wrong");
    }
    String newEmail = MemberAccount.normalizeEmail(newEmailTyped);
    if (!MemberAccount.validEmail(newEmail)) {
      return Optional.of("email.invalid");
    }
    if (newEmail.equals(member.get().email())) {
      return Optional.of("email.unchanged");
    }
    // An address already taken gets no link, but the answer is the same: no enumeration.
    if (find(MemberAccount.BY_EMAIL, "email", newEmail).isEmpty()) {
      revokeLinks(member.get(), Purpose.CHANGE_EMAIL, now);
      var link = MemberEmailToken.issue(member.get(), Purpose.CHANGE_EMAIL, newEmail, now);
      em.persist(link.token());
      mail.send(
          newEmail,
          member.get().language(),
          "changeEmail",
          now,
          member.get().displayName(),
          mail.link("/confirmation.xhtml?jeton=" + link.secret()));
    }
    mail.send(
        member.get().email(),
        member.get().language(),
        "changeEmailNotice",
        now,
        member.get().displayName(),
        newEmail,
        mail.link("/mot-de-passe-oublie.xhtml"));
    log(member.get(), now, Kind.EMAIL_CHANGE_REQUESTED, remoteAddress, null);
    return Optional.empty();
  }

  /** What anyone may see of a member: never the email. */
  public record PublicProfile(
      String handle,
      String displayName,
      String communeName,
      String departement,
      Instant since,
      String gender) {}

  /** A confirmed member's profile, unless moderation hid it (then nobody sees it). */
  public Optional<PublicProfile> profile(String handle) {
    return find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
        .filter(MemberAccount::isConfirmed)
        .filter(m -> !m.isProfileHidden())
        .map(
            m ->
                new PublicProfile(
                    m.handle(),
                    m.displayName(),
                    m.commune().name(),
                    m.commune().departementCode(),
                    m.createdAt(),
                    m.gender()));
  }

  /** What the member sees of their own account. */
  public record OwnAccount(
      String handle,
      String displayName,
      String email,
      String communeName,
      String communeCode,
      MemberAccount.Gender gender) {}

  public Optional<OwnAccount> ownAccount(String handle) {
    return find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
        .map(
            m ->
                new OwnAccount(
                    m.handle(),
                    m.displayName(),
                    m.email(),
                    m.commune().name(),
                    m.commune().code(),
                    m.grammaticalGender()));
  }

  /** Sets how the words naming the member agree (their choice alone; UNSAID clears it). */
  @Transactional
  public void setGender(String handle, MemberAccount.Gender gender) {
    find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle))
        .ifPresent(m -> m.gender(gender));
  }

  /** One line of the member's own security log; {@code kind} is a message key suffix. */
  public record SecurityLogEntry(Instant at, String kind, String remoteAddress) {}

  static final int MAX_PAGE = 100;

  public List<SecurityLogEntry> securityLog(String handle, int first, int size) {
    var member = find(MemberAccount.BY_HANDLE, "handle", MemberAccount.normalizeHandle(handle));
    if (member.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(MemberSecurityEvent.OF_MEMBER, MemberSecurityEvent.class)
        .setParameter("member", member.get())
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultStream()
        .map(e -> new SecurityLogEntry(e.occurredAt(), e.kind().name(), e.remoteAddress()))
        .toList();
  }

  private Optional<MemberEmailToken> token(String secret) {
    if (secret == null || secret.length() != 43) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(MemberEmailToken.class, MemberEmailToken.digest(secret)));
  }

  private void revokeLinks(MemberAccount member, Purpose purpose, Instant now) {
    em.createNamedQuery(MemberEmailToken.UNUSED_OF_MEMBER, MemberEmailToken.class)
        .setParameter("member", member)
        .setParameter("purpose", purpose)
        .getResultStream()
        .forEach(t -> t.revoke(now));
  }

  private Optional<MemberAccount> find(String query, String parameter, String value) {
    return em.createNamedQuery(query, MemberAccount.class)
        .setParameter(parameter, value)
        .getResultStream()
        .findFirst();
  }

  private void log(
      MemberAccount member, Instant now, Kind kind, String remoteAddress, String detail) {
    em.persist(new MemberSecurityEvent(member, now, kind, remoteAddress, detail));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
