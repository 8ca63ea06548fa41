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
  SignInResult signIn(String username, char[] password, String remoteAddress);

  /** Whether a signed-in staff member's account still exists and is not disabled. */
  boolean isActive(String username);

  /** True until the first administrator exists. */
  boolean firstAdministratorNeeded();

  /**
   * Creates the first administrator, once, with the one-time setup code the server wrote in its log
   * at start (never a default password).
   */
  SetupResult createFirstAdministrator(
      String setupCode, String username, String displayName, char[] password, String remoteAddress);

  /**
   * Changes a signed-in staff member's password after checking the current one (failures count
   * towards throttling like sign-in failures).
   *
   * @return empty when changed, otherwise the message key of the problem
   */
  java.util.Optional<String> changePassword(
      String username, char[] currentPassword, char[] newPassword, String remoteAddress);

  /**
   * The holder's own security log, newest first, at most {@code size} entries from {@code first}.
   */
  java.util.List<SecurityLogEntry> securityLog(String username, int first, int size);

  /** One entry of a staff member's security log; {@code kind} is a message key suffix. */
  record SecurityLogEntry(java.time.Instant at, String kind, String remoteAddress, String detail) {}

  /** The outcome of a sign-in. */
  record SignInResult(
      Status status,
      String username,
      String displayName,
      Set<Role> roles,
      Duration retryAfter,
      boolean mustChangePassword) {

    /** Signed in, refused (same answer for any reason), or asked to wait. */
    public enum Status {
      SIGNED_IN,
      REFUSED,
      THROTTLED
    }

    public static SignInResult signedIn(
        String username, String displayName, Set<Role> roles, boolean mustChangePassword) {
      return new SignInResult(
          Status.SIGNED_IN,
          username,
          displayName,
          Set.copyOf(roles),
          Duration.ZERO,
          mustChangePassword);
    }

    public static SignInResult refused() {
      return new SignInResult(Status.REFUSED, null, null, Set.of(), Duration.ZERO, false);
    }

    public static SignInResult throttled(Duration retryAfter) {
      return new SignInResult(Status.THROTTLED, null, null, Set.of(), retryAfter, false);
    }
  }

  /** The outcome of the first-run setup; {@code problem} is a message key when refused. */
  record SetupResult(boolean created, String problem) {}
}
