package org.parvis.campaign.schema.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;
import org.parvis.campaign.schema.control.BrandDatabase;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.web.DatabaseGate;

/** The brand site answers 503 while the brand database is not migrated. */
@WebFilter(
    filterName = "brandDatabaseGate",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST)
public class BrandDatabaseGate extends DatabaseGate {

  private static final long serialVersionUID = 1L;

  @Inject transient BrandDatabase database;

  @Override
  protected DatabaseSchema schema() {
    return database.schema();
  }
}
