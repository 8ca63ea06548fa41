package org.parvis.network.schema.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.web.DatabaseGate;
import org.parvis.network.schema.control.NetworkDatabase;

/** The network site answers 503 while the network database is not migrated. */
@WebFilter(
    filterName = "networkDatabaseGate",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST)
public class NetworkDatabaseGate extends DatabaseGate {

  private static final long serialVersionUID = 1L;

  @Inject transient NetworkDatabase database;

  @Override
  protected DatabaseSchema schema() {
    return database.schema();
  }
}
