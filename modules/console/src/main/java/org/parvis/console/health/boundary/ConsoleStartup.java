package org.parvis.console.health.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.kernel.api.ModuleDatabase;

/**
 * When the console starts: migrates every module's database part (including modules without pages
 * of their own, such as moderation), then, while there is no administrator yet, writes the one-time
 * setup code to the server log.
 */
@WebListener
public class ConsoleStartup implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ConsoleStartup.class.getName());

  @Inject @Any Instance<ModuleDatabase> databases;
  @Inject StaffSignIn staff;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean allMigrated = true;
    for (ModuleDatabase database : databases) {
      allMigrated &= database.schema().migrate().succeeded();
    }
    if (allMigrated) {
      try {
        staff.firstAdministratorNeeded();
      } catch (PersistenceException e) {
        LOG.log(Level.WARNING, "Cannot tell whether an administrator exists yet", e);
      }
    }
  }
}
