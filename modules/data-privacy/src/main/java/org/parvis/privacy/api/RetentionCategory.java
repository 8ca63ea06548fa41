package org.parvis.privacy.api;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
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

  private static final Logger LOG = Logger.getLogger(RetentionCategory.class.getName());

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
    String key = "parvis.retention." + name;
    Period period =
        ConfigProvider.getConfig()
            .getOptionalValue(key, String.class)
            .map(value -> parse(key, value, defaultPeriod))
            .orElse(defaultPeriod);
    return new RetentionCategory(name, period, action);
  }

  /** A configured period; a value that is not one (or not positive) keeps the default, loudly. */
  static Period parse(String key, String value, Period defaultPeriod) {
    try {
      Period period = Period.parse(value.strip());
      if (!period.isNegative() && !period.isZero()) {
        return period;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    LOG.warning(
        key
            + "="
            + value
            + " is not a positive ISO-8601 period (e.g. P3Y, P90D): "
            + defaultPeriod
            + " is kept");
    return defaultPeriod;
  }

  /** The moment before which the data of this category is due, seen from {@code asOf}. */
  public Instant cutoff(Instant asOf) {
    return asOf.atOffset(ZoneOffset.UTC).minus(period).toInstant();
  }
}
