package org.parvis.kernel.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates the reference territory tables in one database and loads {@link ReferenceTerritories}
 * into them: {@code territory_region}, {@code territory_departement}, {@code territory_commune} and
 * {@code territory_postal_code} (one row per postal code of a commune, so that a search by postal
 * code is a primary-key lookup). Each side registers it in its own migrations under its own version
 * number; the SQL is portable between H2 and PostgreSQL.
 */
public final class TerritoriesMigration implements JavaMigration {

  private static final int BATCH = 1_000;

  private final MigrationVersion version;

  public TerritoriesMigration(String version) {
    this.version = MigrationVersion.fromVersion(version);
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return "Load reference territories (Etalab decoupage administratif 6.0.0)";
  }

  @Override
  public Integer getChecksum() {
    return 600;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  private static final List<String> DDL =
      List.of(
          """
          CREATE TABLE territory_region (
            code            VARCHAR(3)   PRIMARY KEY,
            name            VARCHAR(100) NOT NULL,
            chief_town_code VARCHAR(5),
            zone            VARCHAR(10)  NOT NULL)""",
          """
          CREATE TABLE territory_departement (
            code            VARCHAR(3)   PRIMARY KEY,
            name            VARCHAR(100) NOT NULL,
            region_code     VARCHAR(3)   NOT NULL REFERENCES territory_region (code),
            chief_town_code VARCHAR(5),
            zone            VARCHAR(10)  NOT NULL)""",
          """
          CREATE TABLE territory_commune (
            code             VARCHAR(5)   PRIMARY KEY,
            name             VARCHAR(100) NOT NULL,
            kind             VARCHAR(30)  NOT NULL,
            departement_code VARCHAR(3)   REFERENCES territory_departement (code),
            region_code      VARCHAR(3)   REFERENCES territory_region (code),
            postal_codes     VARCHAR(200) NOT NULL,
            population       INTEGER,
            parent_code      VARCHAR(5))""",
          "CREATE INDEX territory_commune_departement ON territory_commune (departement_code)",
          """
          CREATE TABLE territory_postal_code (
            postal_code  VARCHAR(5) NOT NULL,
            commune_code VARCHAR(5) NOT NULL REFERENCES territory_commune (code),
            PRIMARY KEY (postal_code, commune_code))""");

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    var communes = ReferenceTerritories.communes();
    try (Statement statement = connection.createStatement()) {
      for (String ddl : DDL) {
        statement.execute(ddl);
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO territory_region (code, name, chief_town_code, zone) VALUES (?, ?, ?, ?)")) {
      for (var region : ReferenceTerritories.regions()) {
        insert.setString(1, region.code());
        insert.setString(2, region.name());
        insert.setString(3, region.chiefTownCode());
        insert.setString(4, region.zone());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO territory_departement (code, name, region_code, chief_town_code, zone)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (var departement : ReferenceTerritories.departements()) {
        insert.setString(1, departement.code());
        insert.setString(2, departement.name());
        insert.setString(3, departement.regionCode());
        insert.setString(4, departement.chiefTownCode());
        insert.setString(5, departement.zone());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO territory_commune (code, name, kind, departement_code, region_code,"
                + " postal_codes, population, parent_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (var commune : communes) {
        insert.setString(1, commune.code());
        insert.setString(2, commune.name());
        insert.setString(3, commune.type());
        insert.setString(4, commune.departementCode());
        insert.setString(5, commune.regionCode());
        insert.setString(6, String.join(" ", commune.postalCodes()));
        if (commune.population() == null) {
          insert.setNull(7, Types.INTEGER);
        } else {
          insert.setInt(7, commune.population());
        }
        insert.setString(8, commune.parentCode());
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO territory_postal_code (postal_code, commune_code) VALUES (?, ?)")) {
      int pending = 0;
      for (var commune : communes) {
        for (String postalCode : commune.postalCodes()) {
          insert.setString(1, postalCode);
          insert.setString(2, commune.code());
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      insert.executeBatch();
    }
  }
}
