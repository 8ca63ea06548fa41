package org.parvis.kernel.api.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading native query rows the same way on H2 and PostgreSQL. */
public final class Rows {

  private Rows() {}

  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.LocalDateTime ldt) {
      return ldt.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("not a time: " + value.getClass());
  }

  /**
   * A date column read by a native query, as H2 (LocalDate) or PostgreSQL (java.sql.Date) return
   * it.
   */
  public static java.time.LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.time.LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalArgumentException("not a date: " + value.getClass());
  }

  /** A time read from a row as an Instant; any other value as it is (for exports). */
  public static Object instantOrValue(Object value) {
    if (value instanceof OffsetDateTime || value instanceof Timestamp || value instanceof Instant) {
      return instant(value);
    }
    return value;
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  public static Long nullableNumber(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  /** The LIMIT/OFFSET clause of a page (EclipseLink adds none to native queries). */
  public static String page(int first, int size) {
    return " LIMIT " + Math.max(1, size) + " OFFSET " + Math.max(0, first);
  }

  /**
   * The LIKE pattern of words a console list is searched for ({@code %words%}), lower case, at most
   * 100 characters, LIKE's wildcards ({@code % _}) and its escape character escaped with a
   * backslash (the default escape of PostgreSQL and H2) so that they match themselves ({@code
   * jean_dupont} finds that address); null when nothing is looked for.
   */
  public static String containing(String search) {
    String words = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
    if (words.isEmpty()) {
      return null;
    }
    words = words.substring(0, Math.min(words.length(), 100));
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
