package org.parvis.console.mail.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Starts and stops the brand outbox's delivery with the console. */
@WebListener
public class BrandOutboxStartup implements ServletContextListener {

  @Inject BrandOutbox outbox;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    outbox.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    outbox.stop();
  }
}
