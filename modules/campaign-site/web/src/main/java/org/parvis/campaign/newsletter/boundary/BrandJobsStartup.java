package org.parvis.campaign.newsletter.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Starts the brand site's background jobs with the site, stops them with it. */
@WebListener
public class BrandJobsStartup implements ServletContextListener {

  @Inject BrandJobs jobs;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    jobs.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    jobs.stop();
  }
}
