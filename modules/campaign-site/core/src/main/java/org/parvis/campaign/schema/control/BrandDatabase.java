package org.parvis.campaign.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.ModuleDatabase;
import org.parvis.kernel.api.TerritoriesMigration;

/** The brand database as campaign-site owns it: migrations applied at start, and its status. */
@ApplicationScoped
public class BrandDatabase implements ModuleDatabase {

  static final String HISTORY_TABLE = "flyway_history_campaign_site";

  @Resource(lookup = "jdbc/brand")
  DataSource dataSource;

  private DatabaseSchema schema;

  @PostConstruct
  void init() {
    schema =
        new DatabaseSchema(
            "brand",
            dataSource,
            BrandDatabase.class.getClassLoader(),
            "classpath:org/parvis/campaign/db/migration",
            HISTORY_TABLE,
            List.of(new TerritoriesMigration("1")));
  }

  @Override
  public DatabaseSchema schema() {
    return schema;
  }
}
