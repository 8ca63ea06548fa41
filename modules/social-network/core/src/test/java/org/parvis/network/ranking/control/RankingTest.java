package org.parvis.network.ranking.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parvis.network.ranking.control.Badges.Badge;

class RankingTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void trustGrowsWithTheAgeOfTheAccount() {
    assertThat(Ranking.trust(NOW.minus(Duration.ofDays(30)), NOW)).isEqualTo(1);
    assertThat(Ranking.trust(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(1);
    assertThat(Ranking.trust(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo(0.2);
    assertThat(Ranking.trust(NOW.minus(Duration.ofHours(2)), NOW)).isEqualTo(0.02);
  }

  @Test
  void aPointCountsHalfAfterOneHalfLife() {
    double hot = Ranking.add(0, 8, NOW.minus(Ranking.HALF_LIFE));
    assertThat(Ranking.pointsAt(hot, NOW)).isCloseTo(4, within(1e-6));
    hot = Ranking.add(hot, 4, NOW);
    assertThat(Ranking.pointsAt(hot, NOW)).isCloseTo(8, within(1e-6));
  }

  @Test
  void recentActivityOutranksOlderActivityOfTheSameSize() {
    double yesterday = Ranking.add(0, 20, NOW.minus(Duration.ofHours(30)));
    double today = Ranking.add(0, 12, NOW);
    assertThat(today).isGreaterThan(yesterday);
    double lastWeek = Ranking.add(0, 500, NOW.minus(Duration.ofDays(7)));
    assertThat(today).isGreaterThan(lastWeek);
  }

  @Test
  void aBurstOfBrandNewAccountsDoesNotTopTwentyEstablishedSigners() {
    double established = 0;
    for (int hour = 10; hour >= 1; hour--) {
      established =
          Ranking.add(established, 2 * Ranking.SIGNATURE, NOW.minus(Duration.ofHours(hour)));
    }
    double burst = Ranking.add(0, 500 * Ranking.NEW_TRUST * Ranking.SIGNATURE, NOW);
    assertThat(burst).isLessThan(established);
  }

  @Test
  void signingAndWithdrawingInALoopNeverRaisesTheScore() {
    double hot = Ranking.add(0, 10, NOW.minus(Duration.ofHours(5)));
    double before = hot;
    for (int loop = 0; loop < 50; loop++) {
      Instant at = NOW.plus(Duration.ofMinutes(loop));
      hot = Ranking.add(hot, 1, at);
      hot = Ranking.add(hot, -1, at.plusSeconds(2));
    }
    assertThat(Ranking.pointsAt(hot, NOW))
        .isLessThanOrEqualTo(Ranking.pointsAt(before, NOW) + 1e-9);
  }

  @Test
  void withdrawingEverythingLeavesAFloorNotANumberError() {
    double hot = Ranking.add(0, 1, NOW.minus(Duration.ofDays(1)));
    hot = Ranking.add(hot, -5, NOW);
    assertThat(hot).isFinite();
    assertThat(Ranking.pointsAt(hot, NOW)).isLessThanOrEqualTo(Ranking.MINIMUM + 1e-12);
  }

  @Test
  void theScoreNeverOverflowsYearsLater() {
    Instant later = Ranking.ORIGIN.plus(Duration.ofDays(365 * 30));
    double hot = Ranking.add(Ranking.add(0, 3, later), 1_000_000, later.plusSeconds(60));
    assertThat(hot).isFinite();
    assertThat(Ranking.pointsAt(hot, later.plusSeconds(60))).isCloseTo(1_000_003, within(1.0));
  }

  @Test
  void badgeLevelsFollowTheirThresholds() {
    assertThat(Badge.CREATOR.level(0)).isZero();
    assertThat(Badge.CREATOR.level(1)).isEqualTo(1);
    assertThat(Badge.CREATOR.level(4)).isEqualTo(1);
    assertThat(Badge.CREATOR.level(5)).isEqualTo(2);
    assertThat(Badge.CREATOR.level(30)).isEqualTo(4);
    assertThat(Badge.CREATOR.level(10_000)).isEqualTo(5);
    assertThat(Badge.GATHERER.level(99)).isEqualTo(1);
    assertThat(Badge.GATHERER.level(100)).isEqualTo(2);
    for (Badge badge : Badge.values()) {
      assertThat(badge.thresholds()).hasSize(5).isSorted().doesNotHaveDuplicates();
    }
  }
}
