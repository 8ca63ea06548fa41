package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real PostgreSQL, the two databases made by server-config/postgresql-setup.sql are walled
 * off: each role works in its own database and cannot even connect to the other one.
 */
class DatabaseIsolationPostgresqlIT {

  private static PostgresqlDatabases databases;

  @BeforeAll
  static void createTheTwoDatabases() throws Exception {
    databases = PostgresqlDatabases.create("parvis_it");
  }

  @AfterAll
  static void dropThem() throws Exception {
    if (databases != null) {
      databases.close();
    }
  }

  @Test
  void eachRoleWorksInItsOwnDatabase() throws SQLException {
    try (var brand = databases.asBrand(databases.brand);
        var statement = brand.createStatement()) {
      statement.execute("CREATE TABLE subscriber (email TEXT PRIMARY KEY)");
      statement.execute("INSERT INTO subscriber VALUES ('a@example.org')");
      try (var rows = statement.executeQuery("SELECT COUNT(*) FROM subscriber")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
    try (var network = databases.asNetwork(databases.network);
        var statement = network.createStatement()) {
      statement.execute("CREATE TABLE member (handle TEXT PRIMARY KEY)");
    }
  }

  @Test
  void theBrandRoleCannotReachTheNetworkDatabase() {
    assertRefused(() -> databases.asBrand(databases.network).close());
  }

  @Test
  void theNetworkRoleCannotReachTheBrandDatabase() {
    assertRefused(() -> databases.asNetwork(databases.brand).close());
  }

  private static void assertRefused(ThrowingCallable connection) {
    assertThatThrownBy(connection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42501");
  }

  @Test
  void neitherRoleIsPrivileged() throws SQLException {
    try (var brand = databases.asBrand(databases.brand);
        var rows =
            brand
                .createStatement()
                .executeQuery(
                    "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls"
                        + " FROM pg_roles WHERE rolname IN ('%s', '%s')"
                            .formatted(databases.brand, databases.network))) {
      int roles = 0;
      while (rows.next()) {
        assertThat(rows.getBoolean(1)).isFalse();
        roles++;
      }
      assertThat(roles).isEqualTo(2);
    }
  }
}
