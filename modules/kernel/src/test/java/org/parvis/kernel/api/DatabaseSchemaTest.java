package org.parvis.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseSchemaTest {

  private static JdbcDataSource memoryDatabase() {
    var dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL");
    return dataSource;
  }

  private static DatabaseSchema schema(JdbcDataSource dataSource, String location) {
    return new DatabaseSchema(
        "test",
        dataSource,
        DatabaseSchemaTest.class.getClassLoader(),
        "classpath:" + location,
        "flyway_history_test",
        List.of());
  }

  @Test
  void migratesOnceThenReportsUp() {
    var schema = schema(memoryDatabase(), "db/ok");
    assertThat(schema.status().up()).as("not migrated yet").isFalse();

    var first = schema.migrate();
    assertThat(first.succeeded()).isTrue();
    assertThat(first.executed()).isEqualTo(1);
    assertThat(schema.migrate()).isSameAs(first);
    assertThat(schema.status()).isEqualTo(DatabaseStatus.up("test"));
  }

  @Test
  void aFailedMigrationIsReportedDownWithItsReasonAndNotRetriedAtOnce() {
    var schema = schema(memoryDatabase(), "db/failing");
    var outcome = schema.migrate();
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.detail()).contains("V1__broken.sql");
    assertThat(schema.migrate()).isSameAs(outcome);
    assertThat(schema.status().up()).isFalse();
    assertThat(schema.status().detail()).startsWith("migration failed: ");
  }

  @Test
  void aPoolReachingTheOtherSidesDatabaseIsRefusedBeforeAnythingIsWritten() throws Exception {
    // Planted: the brand's pool pointed at the network's database (one H2 file named for both).
    var shared = memoryDatabase();
    try (var connection = shared.getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE parvis_database (side VARCHAR(10) PRIMARY KEY)");
      statement.execute("INSERT INTO parvis_database (side) VALUES ('network')");
    }
    var brand =
        new DatabaseSchema(
            "brand",
            shared,
            getClass().getClassLoader(),
            "classpath:db/ok",
            "flyway_history_brand",
            List.of());
    var outcome = brand.migrate();
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.detail()).contains("reaches the network database, not the brand one");
    assertThat(brand.status().up()).isFalse();
    try (var connection = shared.getConnection();
        var rows =
            connection
                .getMetaData()
                .getTables(null, null, "flyway_history_brand", new String[] {"TABLE"})) {
      assertThat(rows.next()).as("nothing written to the other side's database").isFalse();
    }

    var moderation =
        new DatabaseSchema(
            "network/moderation",
            shared,
            getClass().getClassLoader(),
            "classpath:db/ok",
            "flyway_history_moderation",
            List.of());
    assertThat(moderation.migrate().succeeded()).as("the network's own modules go on").isTrue();
  }

  @Test
  void anUnreachableDatabaseIsReportedDown() {
    var unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
    var schema = schema(unreachable, "db/ok");
    assertThat(schema.migrate().succeeded()).isFalse();
    assertThat(schema.status().detail()).isNotBlank();
  }

  @Test
  void loadsTheReferenceTerritoriesWithTheirPostalCodes() throws Exception {
    var dataSource = memoryDatabase();
    var schema =
        new DatabaseSchema(
            "test",
            dataSource,
            getClass().getClassLoader(),
            "classpath:db/ok",
            "flyway_history_test",
            List.of(new TerritoriesMigration("2")));
    assertThat(schema.migrate().succeeded()).isTrue();
    try (var connection = dataSource.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT c.name FROM territory_postal_code p JOIN territory_commune c"
                        + " ON c.code = p.commune_code WHERE p.postal_code = '23000' AND c.code = '23096'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("Guéret");
    }
  }
}
