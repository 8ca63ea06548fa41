package org.parvis.architecture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.parvis.kernel.api.TerritoriesMigration;

/**
 * The columns of both databases as the migrations really leave them: each module's Flyway
 * migrations run, in the server's order, on an in-memory H2 database in the server's mode, and the
 * columns are read back from the database's own catalogue (not from the SQL text). A column belongs
 * to the module whose migrations created it.
 */
final class StoredColumns {

  /** A column of a table of one database, and the module that created it. */
  record Column(String database, String module, String table, String column) {
    String key() {
      return table + "." + column;
    }
  }

  /** One module's migrations, in the order the server applies them to its database. */
  record Migrations(String database, String module, String location, boolean territories) {}

  static final List<Migrations> MODULES =
      List.of(
          new Migrations(
              "brand", "campaign-site", "classpath:org/parvis/campaign/db/migration", true),
          new Migrations(
              "network", "social-network", "classpath:org/parvis/network/db/migration", true),
          new Migrations(
              "network", "moderation", "classpath:org/parvis/moderation/db/migration", false));

  private StoredColumns() {}

  /** Every column of both databases after all migrations. */
  static List<Column> all() {
    return all(List.of());
  }

  /**
   * Every column of both databases after all migrations, then the extra SQL statements run on the
   * network database as if they were a new migration of the network's module (planted cases).
   */
  static List<Column> all(List<String> plantedNetworkSql) {
    var columns = new ArrayList<Column>();
    String run = Long.toString(System.nanoTime());
    for (String database : List.of("brand", "network")) {
      String url =
          "jdbc:h2:mem:"
              + database
              + run
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
      try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
        Set<String> seen = new LinkedHashSet<>();
        for (var module : MODULES) {
          if (!module.database().equals(database)) {
            continue;
          }
          Flyway.configure(StoredColumns.class.getClassLoader())
              .dataSource(url, "sa", "")
              .locations(module.location())
              .table("flyway_history_" + module.module().replace('-', '_'))
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .javaMigrations(
                  module.territories()
                      ? new JavaMigration[] {new TerritoriesMigration("1")}
                      : new JavaMigration[0])
              .load()
              .migrate();
          if (module.module().equals("social-network")) {
            for (String sql : plantedNetworkSql) {
              try (var statement = keepAlive.createStatement()) {
                statement.execute(sql);
              }
            }
          }
          for (String key : read(keepAlive)) {
            if (seen.add(key)) {
              int dot = key.indexOf('.');
              columns.add(
                  new Column(
                      database, module.module(), key.substring(0, dot), key.substring(dot + 1)));
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return columns;
  }

  private static Set<String> read(Connection db) throws SQLException {
    var found = new TreeSet<String>();
    try (var query =
        db.prepareStatement(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public'")) {
      var rows = query.executeQuery();
      while (rows.next()) {
        String table = rows.getString(1).toLowerCase(java.util.Locale.ROOT);
        if (!table.startsWith("flyway_history")) {
          found.add(table + "." + rows.getString(2).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return found;
  }
}
