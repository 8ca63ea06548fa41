package org.parvis.campaign.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.parvis.kernel.api.audit.control.AuditTrailBase;

/** The console's audit trail of the actions that concern the brand side, in its database. */
@ApplicationScoped
@Transactional
public class BrandAuditTrail extends AuditTrailBase {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  public String side() {
    return "brand";
  }

  @Override
  protected EntityManager entityManager() {
    return em;
  }
}
