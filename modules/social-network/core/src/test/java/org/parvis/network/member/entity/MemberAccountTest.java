package org.parvis.network.member.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parvis.network.member.entity.MemberAccount.ActivityRules;
import org.parvis.network.member.entity.MemberAccount.FreezeReason;
import org.parvis.network.territory.entity.Commune;

class MemberAccountTest {

  private static final ActivityRules RULES =
      new ActivityRules(Duration.ofDays(90), Duration.ofDays(1), 5);
  private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

  private final MemberAccount member =
      new MemberAccount(
          "elu-23",
          "Élu de Guéret",
          "elu@example.org",
          "hash",
          new Commune() {},
          Locale.FRENCH,
          CREATED);

  @Test
  void anActiveAccountPublishesAsMuchAsItLikes() {
    Instant now = CREATED.plus(Duration.ofDays(1));
    for (int i = 0; i < 20; i++) {
      assertThat(member.published(now.plusSeconds(i), i % 2 == 0, RULES)).isEmpty();
    }
  }

  @Test
  void aDormantAccountThatWakesUpWithABurstIsFrozen() {
    Instant wake = CREATED.plus(Duration.ofDays(200));
    for (int i = 0; i < RULES.burst(); i++) {
      assertThat(member.published(wake.plusSeconds(60L * i), false, RULES)).isEmpty();
    }
    assertThat(member.published(wake.plusSeconds(600), false, RULES)).contains(FreezeReason.BURST);
  }

  @Test
  void aDormantAccountThatWakesUpWithALinkIsFrozenButNotADayLater() {
    Instant wake = CREATED.plus(Duration.ofDays(100));
    assertThat(member.published(wake, true, RULES)).contains(FreezeReason.LINKS);

    var other =
        new MemberAccount(
            "autre-23",
            "Autre",
            "autre@example.org",
            "hash",
            new Commune() {},
            Locale.FRENCH,
            CREATED);
    assertThat(other.published(wake, false, RULES)).isEmpty();
    assertThat(other.published(wake.plus(Duration.ofHours(25)), true, RULES)).isEmpty();
  }

  @Test
  void theSecondFactorMustHaveBeenProvedWithinThePeriod() {
    Instant now = CREATED.plus(Duration.ofDays(120));
    assertThat(member.secondFactorProvedSince(now.minus(RULES.dormancy()))).isFalse();
    member.secondFactorProved(now.minus(Duration.ofDays(100)));
    assertThat(member.secondFactorProvedSince(now.minus(RULES.dormancy()))).isFalse();
    member.secondFactorProved(now.minus(Duration.ofDays(3)));
    assertThat(member.secondFactorProvedSince(now.minus(RULES.dormancy()))).isTrue();
  }
}
