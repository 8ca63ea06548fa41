package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.sql.Rows;

/** The brand outbox's steps, each committed on its own (see {@link BrandMailRelay}). */
@ApplicationScoped
public class OutboxSteps {

  /** Where a claimed mail waits if the server stops before it is settled: nowhere near due. */
  static final Instant IN_DOUBT = Instant.parse("9999-01-01T00:00:00Z");

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Transactional(TxType.REQUIRES_NEW)
  public List<MailOutbox.Mail> due(Instant now, int limit) {
    return new MailOutbox(em).due(now, limit);
  }

  /** Takes the mail for this run; false if another run took it first. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(long id, Instant now) {
    return em.createNativeQuery(
                "UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL"
                    + " AND next_attempt_at <= ?")
            .setParameter(1, Rows.utc(IN_DOUBT))
            .setParameter(2, id)
            .setParameter(3, Rows.utc(now))
            .executeUpdate()
        == 1;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void sent(long id, Instant now) {
    new MailOutbox(em).sent(id, now);
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void failed(MailOutbox.Mail mail, String error, Instant now) {
    new MailOutbox(em).failed(mail, error, now);
  }
}
