package org.parvis.kernel.api.audit.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.kernel.api.sql.Rows;

/**
 * The {@code audit_entry} table each side keeps, read and written the same way on both: used by
 * each side's {@link AuditTrail} with its own entity manager, in the caller's transaction.
 */
public final class AuditLog {

  private final EntityManager em;

  public AuditLog(EntityManager em) {
    this.em = em;
  }

  public void record(AuditTrail.Entry entry) {
    em.createNativeQuery(
            "INSERT INTO audit_entry (occurred_at, staff, action, target, remote_address)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, entry.at().atOffset(ZoneOffset.UTC))
        .setParameter(2, cut(entry.staff(), 100))
        .setParameter(3, cut(entry.action(), 60))
        .setParameter(4, cut(entry.target(), 300))
        .setParameter(5, cut(entry.address(), 64))
        .executeUpdate();
  }

  public List<AuditTrail.Entry> list(AuditTrail.Filter filter, int first, int size) {
    var query =
        em.createNativeQuery(
            "SELECT occurred_at, staff, action, target, remote_address FROM audit_entry"
                + where(filter)
                + " ORDER BY occurred_at DESC, id DESC"
                + Rows.page(first, Math.min(size, 200)));
    bind(query, filter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    var entries = new ArrayList<AuditTrail.Entry>(rows.size());
    for (Object[] r : rows) {
      entries.add(
          new AuditTrail.Entry(
              Rows.instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }
    return entries;
  }

  public long count(AuditTrail.Filter filter) {
    var query = em.createNativeQuery("SELECT COUNT(*) FROM audit_entry" + where(filter));
    bind(query, filter);
    return ((Number) query.getSingleResult()).longValue();
  }

  /** Retention: deletes the entries older than the cutoff; returns how many went. */
  public int forget(Instant cutoff) {
    return em.createNativeQuery("DELETE FROM audit_entry WHERE occurred_at < ?")
        .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  private static String where(AuditTrail.Filter filter) {
    var conditions = new ArrayList<String>();
    if (!blank(filter.staff())) {
      conditions.add("staff = ?1");
    }
    if (!blank(filter.action())) {
      conditions.add("action = ?2");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(jakarta.persistence.Query query, AuditTrail.Filter filter) {
    if (!blank(filter.staff())) {
      query.setParameter(1, filter.staff().strip());
    }
    if (!blank(filter.action())) {
      query.setParameter(2, filter.action().strip());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
