package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.parvis.campaign.api.BrandMail;
import org.parvis.kernel.api.mail.control.MailOutbox;

/** Delivers the brand database's outbox (staff notices today; the newsletter later). */
@ApplicationScoped
public class BrandMailRelay implements BrandMail {

  static final int BATCH = 20;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Override
  @Transactional
  public synchronized int deliverDue() {
    return new MailOutbox(em).deliverDue(clock.instant(), BATCH);
  }
}
