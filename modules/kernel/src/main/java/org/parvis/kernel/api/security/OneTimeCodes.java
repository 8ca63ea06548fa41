package org.parvis.kernel.api.security;

import java.security.SecureRandom;

/** Random codes read out or copied by people: four groups of five, no look-alike characters. */
public final class OneTimeCodes {

  public static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  public static final String LOWER = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeCodes() {}

  /** 20 characters from a 32-character alphabet: 100 bits. */
  public static String of(String alphabet) {
    return of(alphabet, 20);
  }

  /** {@code length} characters from a 32-character alphabet, five bits each, in groups of five. */
  public static String of(String alphabet, int length) {
    var builder = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (i > 0 && i % 5 == 0) {
        builder.append('-');
      }
      builder.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return builder.toString();
  }

  /** {@code length} random decimal digits, for a code a person types from a mail. */
  public static String digits(int length) {
    var builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return builder.toString();
  }

  /** 256 random bits, Base64url without padding (43 characters): for links and cookies. */
  public static String randomKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
