package org.parvis.kernel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void acceptsALongPassphrase() {
    assertThat(PasswordPolicy.problem("le parvis de la mairie".toCharArray(), "marie")).isEmpty();
  }

  @Test
  void refusesShortCommonRepetitiveOrNamedPasswords() {
    assertThat(PasswordPolicy.problem("court".toCharArray(), "x")).contains("password.too-short");
    assertThat(PasswordPolicy.problem("Motdepasse123".toCharArray(), "x"))
        .contains("password.too-common");
    assertThat(PasswordPolicy.problem("aaaaaaaaaaaaaaab".toCharArray(), "x"))
        .contains("password.too-common");
    assertThat(PasswordPolicy.problem("jean.dupont-2026!".toCharArray(), "jean.dupont"))
        .contains("password.contains-username");
    assertThat(PasswordPolicy.problem(new char[2000], "x")).contains("password.too-long");
  }

  @Test
  void refusesWhatAGuesserTriesFirst() {
    assertThat(PasswordPolicy.problem("password12345".toCharArray(), "x"))
        .contains("password.too-common");
    assertThat(PasswordPolicy.problem("qwertyuiopasdf".toCharArray(), "x"))
        .contains("password.too-common");
    assertThat(PasswordPolicy.problem("1234567890abcdef".toCharArray(), "x"))
        .contains("password.too-common");
    assertThat(
            PasswordPolicy.problem(
                "DupontDupont12".toCharArray(), "x", "Marie Dupont", "marie@example.org"))
        .contains("password.too-common");
  }

  @Test
  void scoresAVeryLongPasswordQuickly() {
    char[] longOne = "le parvis de la mairie, un matin ".repeat(30).toCharArray();
    long start = System.nanoTime();
    assertThat(PasswordPolicy.problem(longOne, "x")).isEmpty();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(2));
  }
}
