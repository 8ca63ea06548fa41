package org.parvis.network.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.parvis.kernel.api.audit.control.AuditTrailBase;

/** The console's audit trail of the actions that concern the network side, in its database. */
@ApplicationScoped
@Transactional
public class NetworkAuditTrail extends AuditTrailBase {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Override
  public String side() {
    return "network";
  }

  @Override
  protected EntityManager entityManager() {
    return em;
  }
}
