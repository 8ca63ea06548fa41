package org.parvis.network.schema.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.parvis.network.schema.control.NetworkDatabase;

/** Migrates the network database when the network site starts, before the first visitor arrives. */
@WebListener
public class NetworkDatabaseStartup implements ServletContextListener {

  @Inject NetworkDatabase database;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    database.schema().migrate();
  }
}
