package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.parvis.kernel.api.mail.control.OutboxStepsBase;

/** The brand outbox's delivery steps, each committed on its own (see {@link BrandMailRelay}). */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class OutboxSteps extends OutboxStepsBase {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  protected EntityManager entityManager() {
    return em;
  }
}
