package org.parvis.network.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.ModuleDatabase;
import org.parvis.kernel.api.TerritoriesMigration;

/** The network database as social-network owns it: migrations applied at start, and its status. */
@ApplicationScoped
public class NetworkDatabase implements ModuleDatabase {

  static final String HISTORY_TABLE = "flyway_history_social_network";

  @Resource(lookup = "jdbc/network")
  DataSource dataSource;

  private DatabaseSchema schema;

  @PostConstruct
  void init() {
    schema =
        new DatabaseSchema(
            "network",
            dataSource,
            NetworkDatabase.class.getClassLoader(),
            "classpath:org/parvis/network/db/migration",
            HISTORY_TABLE,
            List.of(new TerritoriesMigration("1")));
  }

  @Override
  public DatabaseSchema schema() {
    return schema;
  }
}
