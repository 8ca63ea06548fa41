package org.parvis.kernel.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * What staff did in the console, on one side's database (the brand site's or the network's, the
 * side the action concerns): who, when, what, on what and from where. Append-only: entries are
 * written, read, and deleted by retention only.
 */
public interface AuditTrail {

  /** The side whose database keeps this trail: {@code brand} or {@code network}. */
  String side();

  void record(Entry entry);

  /** Entries matching the filter, newest first. */
  List<Entry> list(Filter filter, int first, int size);

  long count(Filter filter);

  /**
   * One action: the staff member's username, the action's name ({@code ARTICLE_PUBLISHED}), what it
   * was done to ({@code id=12}, may be empty), the address it came from.
   */
  record Entry(Instant at, String staff, String action, String target, String address) {}

  /** Blank fields match everything. */
  record Filter(String staff, String action) {

    public static final Filter ALL = new Filter(null, null);
  }
}
