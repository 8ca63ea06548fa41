package org.parvis.console.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.campaign.api.BrandMail;

/**
 * Delivers the brand side's outbox at once when a console page has just queued a mail (a staff
 * notice), on the server's managed threads. The periodic delivery and its retries are the brand
 * site's job (campaign-site's {@code BrandJobs}, every five seconds); both use the same claims, so
 * no mail goes twice.
 */
@ApplicationScoped
public class BrandOutbox {

  private static final Logger LOG = Logger.getLogger(BrandOutbox.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject BrandMail mail;

  /** Delivers what is due without making the staff member wait. */
  public void soon() {
    executor.execute(this::deliver);
  }

  private void deliver() {
    try {
      mail.deliverDue();
    } catch (RuntimeException e) {
      // The database may be down for a while; the brand site's next run tries again.
      LOG.log(Level.FINE, "Brand outbox not delivered this time", e);
    }
  }
}
