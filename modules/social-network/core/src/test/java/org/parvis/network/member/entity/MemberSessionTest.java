package org.parvis.network.member.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MemberSessionTest {

  private static final Instant LAST = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void activityIsRecordedOnceAMinuteAtMost() {
    var last = LAST.atOffset(ZoneOffset.UTC);
    assertThat(MemberSession.activityDue(last, LAST.plusSeconds(59))).isFalse();
    assertThat(MemberSession.activityDue(last, LAST.plus(Duration.ofMinutes(1)))).isFalse();
    assertThat(MemberSession.activityDue(last, LAST.plusSeconds(61))).isTrue();
    assertThat(MemberSession.activityDue(last, LAST.plus(Duration.ofMinutes(30)))).isTrue();
  }
}
