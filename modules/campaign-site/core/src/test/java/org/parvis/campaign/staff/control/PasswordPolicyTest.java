package org.parvis.campaign.staff.control;

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
}
