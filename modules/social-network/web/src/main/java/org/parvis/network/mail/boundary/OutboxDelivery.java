package org.parvis.network.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.network.mail.control.MailRelay;

/** Delivers the network's outbox on the server's managed threads, never on a visitor's. */
@ApplicationScoped
public class OutboxDelivery {

  private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject MailRelay relay;
  @Inject org.parvis.network.schema.control.NetworkDatabase database;

  /** Delivers what is due without making the visitor wait (a page has just queued a mail). */
  public void soon() {
    executor.execute(this::deliver);
  }

  void deliver() {
    if (!database.schema().migrate().succeeded()) {
      return; // not before the schema is migrated
    }
    try {
      org.parvis.kernel.api.jobs.JobRuns.run("network.outbox", relay::deliverDue);
    } catch (RuntimeException e) {
      // The database may be down for a while; the next run tries again.
      LOG.log(Level.FINE, "Outbox not delivered this time", e);
    }
  }
}
