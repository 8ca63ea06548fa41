package org.parvis.console.health.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.parvis.kernel.api.ModuleDatabase;

/**
 * Migrates every module's database part when the console starts, including the parts of modules
 * without pages of their own (moderation).
 */
@WebListener
public class DatabasesStartup implements ServletContextListener {

  @Inject @Any Instance<ModuleDatabase> databases;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    databases.forEach(database -> database.schema().migrate());
  }
}
