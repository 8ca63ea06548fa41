package org.parvis.network.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.mail.control.MailTransport;

/**
 * Delivers the network database's outbox: called every few seconds by the network site, and right
 * after a page has queued a mail. A failed delivery is retried later; nothing is lost.
 */
@ApplicationScoped
public class MailRelay {

  private static final Logger LOG = Logger.getLogger(MailRelay.class.getName());
  static final int BATCH = 20;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Sends the due mails, at most one batch; returns how many went out. */
  @Transactional
  public synchronized int deliverDue() {
    var outbox = new MailOutbox(em);
    int sent = 0;
    for (var mail : outbox.due(clock.instant(), BATCH)) {
      try {
        MailTransport.send(mail);
        outbox.sent(mail.id(), clock.instant());
        sent++;
      } catch (MessagingException | RuntimeException e) {
        LOG.log(Level.WARNING, "Mail {0} not sent, will retry: {1}", new Object[] {mail.id(), e});
        outbox.failed(mail, String.valueOf(e.getMessage()), clock.instant());
      }
    }
    return sent;
  }
}
