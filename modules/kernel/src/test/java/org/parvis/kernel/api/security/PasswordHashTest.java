package org.parvis.kernel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  @Test
  void verifiesTheRightPasswordOnly() {
    String stored = PasswordHash.hash(PASSWORD);
    assertThat(PasswordHash.verify(PASSWORD, stored)).isTrue();
    assertThat(PasswordHash.verify("correct horse battery stapler".toCharArray(), stored))
        .isFalse();
  }

  @Test
  void storesAlgorithmIterationsAndARandomSalt() {
    String first = PasswordHash.hash(PASSWORD);
    String second = PasswordHash.hash(PASSWORD);
    assertThat(first).startsWith("PBKDF2WithHmacSHA256:600000:").isNotEqualTo(second);
    assertThat(first.split(":")).hasSize(4);
    assertThat(PasswordHash.isOutdated(first)).isFalse();
  }

  @Test
  void olderHashesStillVerifyAndAreMarkedForRehashing() {
    // A hash with 1,000 iterations, as an older Parvis might have written it.
    String salt = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    String old = "PBKDF2WithHmacSHA256:1000:" + salt + ":";
    assertThat(PasswordHash.isOutdated(old + "AAAA")).isTrue();
    assertThat(PasswordHash.verify(PASSWORD, "MD5:1:x:y")).isFalse();
  }
}
