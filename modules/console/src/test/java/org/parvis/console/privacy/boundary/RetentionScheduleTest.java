package org.parvis.console.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalTime HALF_PAST_THREE = LocalTime.of(3, 30);

  @Test
  void laterTodayOrTomorrowAtTheSameTime() {
    var beforeIt = LocalDateTime.of(2026, 11, 22, 1, 0).atZone(PARIS);
    assertThat(RetentionSchedule.untilNext(beforeIt, HALF_PAST_THREE))
        .isEqualTo(Duration.ofMinutes(150));
    var atIt = LocalDateTime.of(2026, 11, 22, 3, 30).atZone(PARIS);
    assertThat(RetentionSchedule.untilNext(atIt, HALF_PAST_THREE)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void theNightTheClocksChangeItIsStillHalfPastThreeParisTime() {
    // 29 March 2026: 02:00 becomes 03:00, the night is an hour shorter.
    var spring = LocalDateTime.of(2026, 3, 28, 23, 0).atZone(PARIS);
    assertThat(RetentionSchedule.untilNext(spring, HALF_PAST_THREE))
        .isEqualTo(Duration.ofHours(3).plusMinutes(30));
    // 25 October 2026: 03:00 becomes 02:00 again, the night is an hour longer.
    var autumn = LocalDateTime.of(2026, 10, 24, 23, 0).atZone(PARIS);
    assertThat(RetentionSchedule.untilNext(autumn, HALF_PAST_THREE))
        .isEqualTo(Duration.ofHours(5).plusMinutes(30));
  }

  @Test
  void aTimeThatIsNotOneKeepsHalfPastThree() {
    assertThat(RetentionSchedule.timeOfDay(" 04:15 ")).isEqualTo(java.time.LocalTime.of(4, 15));
    assertThat(RetentionSchedule.timeOfDay("3h30")).isEqualTo(HALF_PAST_THREE);
    assertThat(RetentionSchedule.timeOfDay("")).isEqualTo(HALF_PAST_THREE);
  }
}
