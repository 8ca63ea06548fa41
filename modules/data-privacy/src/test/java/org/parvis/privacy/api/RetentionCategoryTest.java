package org.parvis.privacy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionCategoryTest {

  @Test
  void aConfiguredPeriodIsReadAndABadOneKeepsTheDefault() {
    assertThat(RetentionCategory.parse("k", " P2Y ", Period.ofYears(3)))
        .isEqualTo(Period.ofYears(2));
    assertThat(RetentionCategory.parse("k", "3 ans", Period.ofYears(3)))
        .isEqualTo(Period.ofYears(3));
    assertThat(RetentionCategory.parse("k", "P0D", Period.ofDays(7))).isEqualTo(Period.ofDays(7));
    assertThat(RetentionCategory.parse("k", "P-1D", Period.ofDays(7))).isEqualTo(Period.ofDays(7));
  }

  @Test
  void theCutoffCountsCalendarYearsAndMonthsInUtc() {
    var category = new RetentionCategory("network.test", Period.ofYears(3), "—");
    assertThat(category.cutoff(Instant.parse("2026-11-22T10:00:00Z")))
        .isEqualTo(Instant.parse("2023-11-22T10:00:00Z"));
    var months = new RetentionCategory("brand.test", Period.ofMonths(3), "—");
    assertThat(months.cutoff(Instant.parse("2026-05-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
  }

  @Test
  void aCategoryIsNamedModuleDotWhatWithAPositivePeriod() {
    assertThatThrownBy(() -> new RetentionCategory("security log", Period.ofYears(1), "—"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionCategory("network.log", Period.ZERO, "—"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
