package org.parvis.moderation.schema.control;

/** Pages of rows read by native queries, at most 50 at a time. */
public final class Columns {

  private Columns() {}

  /** The LIMIT and OFFSET of a page, in the SQL itself, at most 50 rows. */
  public static String page(int first, int size) {
    return " LIMIT " + Math.min(Math.max(1, size), 50) + " OFFSET " + Math.max(0, first);
  }
}
