package org.parvis.privacy.api;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One kind of personal data kept for a limited time, as a module enforces it.
 *
 * @param name stable name, e.g. {@code network.security-log}; it is also the configuration key
 *     {@code parvis.retention.<name>}
 * @param period how long the data is kept, ISO-8601 ({@code P1Y}, {@code P90D})
 * @param action what happens when the period is over, in French (shown to the DPO)
 */
public record RetentionCategory(String name, Period period, String action) {

  public RetentionCategory {
    if (name == null || !name.matches("[a-z]+(\\.[a-z0-9-]+)+")) {
      throw new IllegalArgumentException("A category is named module.what: " + name);
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A retention period is positive: " + period);
    }
  }

  /**
   * A category whose period is read from the configuration key {@code parvis.retention.<name>}
   * (environment variable {@code PARVIS_RETENTION_<NAME>}), or the default.
   */
  public static RetentionCategory configured(String name, Period defaultPeriod, String action) {
    Period period =
        ConfigProvider.getConfig()
            .getOptionalValue("parvis.retention." + name, String.class)
            .map(Period::parse)
            .orElse(defaultPeriod);
    return new RetentionCategory(name, period, action);
  }

  /** The moment before which the data of this category is due, seen from {@code asOf}. */
  public Instant cutoff(Instant asOf) {
    return asOf.atOffset(ZoneOffset.UTC).minus(period).toInstant();
  }
}
