package org.parvis.console.dashboard.boundary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parvis.network.api.NetworkActivity.Metric;

/**
 * A period of the dashboard, ending today (Paris days): 7 days, 30 days or 12 months, the same
 * length before it for comparison; a year is shown month by month, shorter periods day by day.
 */
public enum Period {
  WEEK("7j", 7),
  MONTH("30j", 30),
  YEAR("12m", 365);

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final String code;
  private final int days;

  Period(String code, int days) {
    this.code = code;
    this.days = days;
  }

  /** As written in the address ({@code ?periode=30j}); anything else is 30 days. */
  public static Period of(String code) {
    for (Period p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    return MONTH;
  }

  public String code() {
    return code;
  }

  public LocalDate from(LocalDate today) {
    return today.minusDays(days - 1L);
  }

  /** The first day of the same length just before. */
  public LocalDate previousFrom(LocalDate today) {
    return from(today).minusDays(days);
  }

  public boolean monthly() {
    return this == YEAR;
  }

  /** The chart's buckets: one per day, or one per month over a year; {@code label} its start. */
  public record Bucket(LocalDate start, long value) {}

  /** A metric's daily counts from {@code from} in the period's buckets. */
  public List<Bucket> buckets(LocalDate from, long[] daily) {
    var buckets = new ArrayList<Bucket>();
    if (!monthly()) {
      for (int i = 0; i < daily.length; i++) {
        buckets.add(new Bucket(from.plusDays(i), daily[i]));
      }
      return buckets;
    }
    YearMonth current = null;
    long sum = 0;
    for (int i = 0; i < daily.length; i++) {
      var month = YearMonth.from(from.plusDays(i));
      if (current != null && !month.equals(current)) {
        buckets.add(new Bucket(current.atDay(1), sum));
        sum = 0;
      }
      current = month;
      sum += daily[i];
    }
    if (current != null) {
      buckets.add(new Bucket(current.atDay(1), sum));
    }
    return buckets;
  }

  /** The sum of a metric over the days of a series. */
  static long total(Map<Metric, long[]> series, Metric metric) {
    long sum = 0;
    for (long v : series.get(metric)) {
      sum += v;
    }
    return sum;
  }
}
