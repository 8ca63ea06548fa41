package org.parvis.kernel.api.audit.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.parvis.kernel.api.audit.AuditTrail;

/**
 * An {@link AuditTrail} on one side's {@code audit_entry} table: each side extends it with its own
 * persistence unit and annotates the bean {@code @Transactional}.
 */
public abstract class AuditTrailBase implements AuditTrail {

  /** The entity manager of the side's unit. */
  protected abstract EntityManager entityManager();

  @Override
  public void record(Entry entry) {
    new AuditLog(entityManager()).record(entry);
  }

  @Override
  public List<Entry> list(Filter filter, int first, int size) {
    return new AuditLog(entityManager()).list(filter, first, size);
  }

  @Override
  public long count(Filter filter) {
    return new AuditLog(entityManager()).count(filter);
  }
}
