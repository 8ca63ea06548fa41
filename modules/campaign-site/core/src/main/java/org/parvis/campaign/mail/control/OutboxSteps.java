package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import org.parvis.kernel.api.mail.control.MailOutbox;

/**
 * The brand outbox's delivery steps, each committed on its own (see {@link MailOutbox#deliver}).
 */
@ApplicationScoped
@Transactional
public class OutboxSteps implements MailOutbox.Steps {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public List<MailOutbox.Mail> due(Instant now, int limit) {
    return new MailOutbox(em).due(now, limit);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(long id, Instant now) {
    return new MailOutbox(em).claim(id, now);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void sent(long id, Instant now) {
    new MailOutbox(em).sent(id, now);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void failed(MailOutbox.Mail mail, String error, Instant now) {
    new MailOutbox(em).failed(mail, error, now);
  }
}
