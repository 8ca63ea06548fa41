package org.parvis.network.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.parvis.kernel.api.mail.control.MailOutbox;

/**
 * Delivers the network database's outbox: called every few seconds by the network site, and right
 * after a page has queued a mail. A failed delivery is retried later; nothing is lost.
 */
@ApplicationScoped
public class MailRelay {

  static final int BATCH = 20;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Sends the due mails, at most one batch; returns how many went out. */
  @Transactional
  public synchronized int deliverDue() {
    return new MailOutbox(em).deliverDue(clock.instant(), BATCH);
  }
}
