package org.parvis.kernel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final SignInThrottle perAccount = SignInThrottle.PER_ACCOUNT;

  @Test
  void aFewMistakesCostNothing() {
    assertThat(perAccount.delayAfter(0)).isZero();
    assertThat(perAccount.delayAfter(4)).isZero();
  }

  @Test
  void thenTheDelayDoublesUpToTheCeiling() {
    assertThat(perAccount.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(perAccount.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(perAccount.delayAfter(10)).isEqualTo(Duration.ofSeconds(32));
    assertThat(perAccount.delayAfter(30)).isEqualTo(Duration.ofMinutes(15));
    assertThat(perAccount.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theWaitRunsFromTheLastFailure() {
    Instant last = Instant.parse("2026-11-22T10:00:00Z");
    assertThat(perAccount.remaining(7, last, last.plusSeconds(1))).isEqualTo(Duration.ofSeconds(3));
    assertThat(perAccount.remaining(7, last, last.plusSeconds(4))).isZero();
  }

  @Test
  void anAddressMayFailMoreThanOneAccount() {
    assertThat(SignInThrottle.PER_ADDRESS.delayAfter(19)).isZero();
    assertThat(SignInThrottle.PER_ADDRESS.delayAfter(20)).isPositive();
  }
}
