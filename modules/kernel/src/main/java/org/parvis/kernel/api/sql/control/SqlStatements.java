package org.parvis.kernel.api.sql.control;

/**
 * The SQL statements the persistence units send to their databases on the current thread, counted
 * between {@link #start()} and {@link #stop()} (by {@link SqlStatementCounter}); nothing is counted
 * on threads that did not start. The network site's diagnostics filter uses it to show that a page
 * issues a fixed number of statements whatever the size of the data.
 */
public final class SqlStatements {

  private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

  private SqlStatements() {}

  public static void start() {
    COUNT.set(new int[1]);
  }

  /** The statements counted since {@link #start()}; stops counting. */
  public static int stop() {
    int[] count = COUNT.get();
    COUNT.remove();
    return count == null ? 0 : count[0];
  }

  static void counted() {
    int[] count = COUNT.get();
    if (count != null) {
      count[0]++;
    }
  }
}
