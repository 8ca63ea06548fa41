package org.parvis.kernel.api;

/** Whether one database is usable, and if not, a reason an operator can act on. */
public record DatabaseStatus(String database, boolean up, String detail) {

  public static DatabaseStatus up(String database) {
    return new DatabaseStatus(database, true, "");
  }

  public static DatabaseStatus down(String database, String detail) {
    return new DatabaseStatus(database, false, detail);
  }
}
