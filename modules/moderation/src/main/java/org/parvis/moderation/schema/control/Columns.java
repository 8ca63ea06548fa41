package org.parvis.moderation.schema.control;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query columns as H2 and PostgreSQL return them. */
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
}
