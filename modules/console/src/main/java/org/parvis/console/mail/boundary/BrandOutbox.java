package org.parvis.console.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.campaign.api.BrandMail;

/**
 * Delivers the brand side's outbox on the server's managed threads: every ten seconds while the
 * console runs (retries included), and at once when a page has just queued a mail.
 */
@ApplicationScoped
public class BrandOutbox {

  private static final Logger LOG = Logger.getLogger(BrandOutbox.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;
  @Inject BrandMail mail;

  private ScheduledFuture<?> task;

  void start() {
    task = scheduler.scheduleWithFixedDelay(this::deliver, 10, 10, TimeUnit.SECONDS);
  }

  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Delivers what is due without making the staff member wait. */
  public void soon() {
    executor.execute(this::deliver);
  }

  private void deliver() {
    try {
      mail.deliverDue();
    } catch (RuntimeException e) {
      // The database may be down for a while; the next run tries again.
      LOG.log(Level.FINE, "Brand outbox not delivered this time", e);
    }
  }
}
