package org.parvis.campaign.schema.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.parvis.campaign.schema.control.BrandDatabase;

/** Migrates the brand database when the brand site starts, before the first visitor arrives. */
@WebListener
public class BrandDatabaseStartup implements ServletContextListener {

  @Inject BrandDatabase database;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    database.schema().migrate();
  }
}
