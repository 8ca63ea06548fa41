package org.parvis.moderation.schema.control;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query columns as H2 and PostgreSQL return them, and pages of rows. */
public final class Columns {

  private Columns() {}

  /** A timestamp column. */
  public static Instant instant(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalStateException("not a time: " + value);
  }

  /** The LIMIT and OFFSET of a page, in the SQL itself, at most 50 rows. */
  public static String page(int first, int size) {
    return " LIMIT " + Math.min(Math.max(1, size), 50) + " OFFSET " + Math.max(0, first);
  }
}
