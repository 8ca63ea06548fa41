package org.parvis.network.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.parvis.kernel.api.mail.control.OutboxStepsBase;

/** The network outbox's delivery steps, each committed on its own (see {@link MailRelay}). */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class NetworkOutboxSteps extends OutboxStepsBase {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Override
  protected EntityManager entityManager() {
    return em;
  }
}
