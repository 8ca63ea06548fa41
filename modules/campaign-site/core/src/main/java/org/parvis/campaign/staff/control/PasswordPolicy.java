package org.parvis.campaign.staff.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be (NIST SP 800-63B: length over composition rules). Staff accounts
 * can publish in the party's name, so the minimum is 12 characters.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  /**
   * A few of the most common passwords and patterns long enough to pass the length rule. A full
   * breached-password list is still to come (see the accounts issue).
   */
  private static final Set<String> COMMON =
      Set.of(
          "123456789012",
          "1234567890123",
          "motdepasse123",
          "azertyuiop123",
          "qwertyuiop123",
          "password1234",
          "passwordpassword",
          "administrator",
          "administrateur",
          "changeme1234",
          "bonjour123456",
          "soleil123456",
          "iloveyou1234",
          "welcome12345");

  private PasswordPolicy() {}

  /** The key of the message that says what is wrong, or empty when the password is acceptable. */
  static Optional<String> problem(char[] password, String username) {
    if (password == null || password.length < MIN_LENGTH) {
      return Optional.of("password.too-short");
    }
    if (password.length > MAX_LENGTH) {
      return Optional.of("password.too-long");
    }
    String lower = new String(password).toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
      return Optional.of("password.too-common");
    }
    if (username != null
        && !username.isBlank()
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.contains-username");
    }
    return Optional.empty();
  }
}
