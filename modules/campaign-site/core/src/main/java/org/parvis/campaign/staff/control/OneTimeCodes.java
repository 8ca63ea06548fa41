package org.parvis.campaign.staff.control;

import java.security.SecureRandom;

/** Random codes read out or copied by people: four groups of five, no look-alike characters. */
final class OneTimeCodes {

  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  static final String LOWER = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeCodes() {}

  /** 20 characters from a 32-character alphabet: 100 bits. */
  static String of(String alphabet) {
    var builder = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        builder.append('-');
      }
      builder.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return builder.toString();
  }
}
