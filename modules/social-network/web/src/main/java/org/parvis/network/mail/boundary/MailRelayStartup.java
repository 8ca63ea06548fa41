package org.parvis.network.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Delivers the network's outbox every ten seconds while the site runs (retries included). */
@WebListener
public class MailRelayStartup implements ServletContextListener {

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxDelivery delivery;

  private ScheduledFuture<?> task;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    task = scheduler.scheduleWithFixedDelay(delivery::deliver, 10, 10, TimeUnit.SECONDS);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (task != null) {
      task.cancel(false);
    }
  }
}
