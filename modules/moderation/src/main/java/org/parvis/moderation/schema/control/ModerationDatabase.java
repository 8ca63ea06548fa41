package org.parvis.moderation.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.ModuleDatabase;

/** Moderation's own tables in the network database: migrations applied at start, and its status. */
@ApplicationScoped
public class ModerationDatabase implements ModuleDatabase {

  static final String HISTORY_TABLE = "flyway_history_moderation";

  @Resource(lookup = "jdbc/network")
  DataSource dataSource;

  private DatabaseSchema schema;

  @PostConstruct
  void init() {
    schema =
        new DatabaseSchema(
            "network/moderation",
            dataSource,
            ModerationDatabase.class.getClassLoader(),
            "classpath:org/parvis/moderation/db/migration",
            HISTORY_TABLE,
            List.of());
  }

  @Override
  public DatabaseSchema schema() {
    return schema;
  }
}
