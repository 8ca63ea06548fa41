package org.parvis.campaign.api;

import java.time.Duration;
import java.util.Set;
import org.parvis.kernel.api.Role;

/**
 * Staff authentication for the console (brand database). The answers never tell whether an account
 * exists: a wrong username and a wrong password give the same refusal.
 */
public interface StaffSignIn {

  /** Checks a username and password from {@code remoteAddress}, with throttling and logging. */
  default SignInResult signIn(String username, char[] password, String remoteAddress) {
    return signIn(username, password, remoteAddress, null);
  }

  /**
   * As {@link #signIn(String, char[], String)}, from a browser that may hold a device cookie:
   * failed attempts from elsewhere never make the holder wait in a browser the account used before.
   */
  SignInResult signIn(String username, char[] password, String remoteAddress, String deviceToken);

  /**
   * The second step of a sign-in whose password step answered {@code SECOND_FACTOR_NEEDED}: a code
   * from the authenticator app or one of the recovery codes. Failures are throttled per account.
   */
  SignInResult secondFactor(String username, String code, String remoteAddress);

  /**
   * Turns on two-factor authentication with a secret the holder has just added to their app, proved
   * by a code from it. Also used to move to a new phone, which replaces the recovery codes.
   *
   * @return the new recovery codes, shown once, or the message key of the problem
   */
  Enrolment enrolSecondFactor(String username, String secret, String code, String remoteAddress);

  /** Whether the account has two-factor authentication on. */
  boolean hasSecondFactor(String username);

  /** How many unused recovery codes the holder has left. */
  int recoveryCodesLeft(String username);

  /** Whether a signed-in staff member's account still exists and is not disabled. */
  boolean isActive(String username);

  /** The roles an active account holds now; empty when it is disabled or gone. */
  Set<Role> currentRoles(String username);

  /**
   * The roles an active account holds now for a session signed in at {@code signedInAt}; empty when
   * the account is disabled or gone, or when its password or second factor changed since then.
   */
  Set<Role> currentRoles(String username, java.time.Instant signedInAt);

  /** True until the first administrator exists. */
  boolean firstAdministratorNeeded();

  /**
   * Creates the first administrator, once, with the one-time setup code the server wrote in its log
   * at start (never a default password).
   */
  SetupResult createFirstAdministrator(
      String setupCode,
      String username,
      String displayName,
      String email,
      char[] password,
      String remoteAddress);

  /**
   * Records the browser of a completed sign-in, known by its device token (a long-lived cookie). A
   * browser without a known token gets a new one, and the holder an email, unless it is their very
   * first sign-in.
   *
   * @return the device token for the browser to keep
   */
  String recognizeDevice(
      String username, String deviceToken, String userAgent, String remoteAddress);

  /**
   * Changes a signed-in staff member's password after checking the current one (failures count
   * towards throttling like sign-in failures).
   *
   * @return empty when changed, otherwise the message key of the problem
   */
  java.util.Optional<String> changePassword(
      String username, char[] currentPassword, char[] newPassword, String remoteAddress);

  /**
   * Sets the address where a signed-in staff member is told of sign-ins from new browsers, after
   * checking their current password (failures count towards throttling).
   *
   * @return empty when changed, otherwise the message key of the problem
   */
  java.util.Optional<String> changeEmail(
      String username, char[] currentPassword, String email, String remoteAddress);

  /** The address where the holder is told of sign-ins from new browsers, if any. */
  java.util.Optional<String> email(String username);

  /**
   * The holder's own security log, newest first, at most {@code size} entries from {@code first}.
   */
  java.util.List<SecurityLogEntry> securityLog(String username, int first, int size);

  /** One entry of a staff member's security log; {@code kind} is a message key suffix. */
  record SecurityLogEntry(java.time.Instant at, String kind, String remoteAddress, String detail) {}

  /** New recovery codes, or the message key of the problem. */
  record Enrolment(java.util.List<String> recoveryCodes, java.util.Optional<String> problem) {

    public static Enrolment refused(String problem) {
      return new Enrolment(java.util.List.of(), java.util.Optional.of(problem));
    }
  }

  /**
   * The outcome of a sign-in step. Signed in without a second factor means the holder has not
   * enrolled one yet: the console lets them reach nothing but the enrolment page.
   */
  record SignInResult(
      Status status,
      String username,
      String displayName,
      Set<Role> roles,
      Duration retryAfter,
      boolean mustChangePassword,
      boolean mustEnrolSecondFactor) {

    /** Signed in, password right and second factor to check, refused, or asked to wait. */
    public enum Status {
      SIGNED_IN,
      SECOND_FACTOR_NEEDED,
      REFUSED,
      THROTTLED
    }

    public static SignInResult signedIn(
        String username,
        String displayName,
        Set<Role> roles,
        boolean mustChangePassword,
        boolean mustEnrolSecondFactor) {
      return new SignInResult(
          Status.SIGNED_IN,
          username,
          displayName,
          Set.copyOf(roles),
          Duration.ZERO,
          mustChangePassword,
          mustEnrolSecondFactor);
    }

    public static SignInResult secondFactorNeeded(String username) {
      return new SignInResult(
          Status.SECOND_FACTOR_NEEDED, username, null, Set.of(), Duration.ZERO, false, false);
    }

    public static SignInResult refused() {
      return new SignInResult(Status.REFUSED, null, null, Set.of(), Duration.ZERO, false, false);
    }

    public static SignInResult throttled(Duration retryAfter) {
      return new SignInResult(Status.THROTTLED, null, null, Set.of(), retryAfter, false, false);
    }
  }

  /** The outcome of the first-run setup; {@code problem} is a message key when refused. */
  record SetupResult(boolean created, String problem) {}
}
