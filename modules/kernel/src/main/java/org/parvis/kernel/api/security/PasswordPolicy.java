package org.parvis.kernel.api.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B: length over composition rules, and no guessable
 * password): at least 12 characters (CNIL's recommendation for a password alone), not in the
 * common-password, name and keyboard-pattern dictionaries of zxcvbn (Dropbox's estimator, Java port
 * by Nulab), and not built on the holder's own name or address.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;

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

  /** Scores below this (zxcvbn's 0–4 scale) mean "guessable": 10^8 guesses or fewer. */
  private static final int MIN_SCORE = 3;

  /** Only the beginning is scored: zxcvbn's matching grows fast with length. */
  private static final int SCORED_LENGTH = 64;

  /** The key of the message that says what is wrong, or empty when the password is acceptable. */
  public static Optional<String> problem(char[] password, String username, String... personal) {
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
    var inputs = new java.util.ArrayList<String>();
    inputs.add(username == null ? "" : username);
    for (String value : personal) {
      // "Marie Dupont" and "marie.dupont@example.org" as the words a guesser would try.
      if (value != null) {
        inputs.add(value);
        inputs.addAll(java.util.Arrays.asList(value.split("[^\\p{L}\\p{N}]+")));
      }
    }
    inputs.removeIf(value -> value == null || value.length() < 3);
    String scored = lower.length() > SCORED_LENGTH ? lower.substring(0, SCORED_LENGTH) : lower;
    if (new Zxcvbn().measure(scored, inputs).getScore() < MIN_SCORE) {
      return Optional.of("password.too-common");
    }
    return Optional.empty();
  }
}
