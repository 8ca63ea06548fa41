package org.parvis.campaign.schema.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.testing.ModuleDeployment;

/** campaign-site on Payara Micro: its unit, its datasource, its migrations, nothing else. */
@ExtendWith(ArquillianExtension.class)
class BrandDatabaseIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("campaign-site", BrandDatabaseIT.class);
  }

  @Inject BrandDatabase database;

  @Resource(lookup = "jdbc/brand")
  DataSource brand;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Test
  void migratesTheBrandDatabaseAndReportsItUp() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
    assertThat(database.schema().status().up()).isTrue();
    assertThat(database.schema().migrate()).as("a second start changes nothing").isEqualTo(outcome);
  }

  @Test
  void loadsItsOwnCopyOfTheReferenceTerritories() throws SQLException {
    database.schema().migrate();
    assertThat(count("territory_region")).isEqualTo(26);
    assertThat(count("territory_departement")).isEqualTo(109);
    assertThat(count("territory_commune")).isEqualTo(35_014);
  }

  @Test
  void theBrandUnitRunsOnTheBrandDatabaseOnly() {
    database.schema().migrate();
    Number communes =
        (Number) em.createNativeQuery("SELECT COUNT(*) FROM territory_commune").getSingleResult();
    assertThat(communes.longValue()).isEqualTo(35_014);
    assertThatThrownBy(() -> count("moderation_log"))
        .as("no network-side table in the brand database")
        .isInstanceOf(SQLException.class);
  }

  @Test
  void theBrandPoolReachesTheDatabaseMarkedAsTheBrands() throws SQLException {
    // The marker the migrations write, read through the pool: a pool pointed at the network's
    // database would read "network" here, and the schema would have refused to start (see
    // DatabaseSchemaTest for that planted case).
    database.schema().migrate();
    try (var connection = brand.getConnection();
        var rows = connection.createStatement().executeQuery("SELECT side FROM parvis_database")) {
      var sides = new java.util.ArrayList<String>();
      while (rows.next()) {
        sides.add(rows.getString(1));
      }
      assertThat(sides).containsExactly("brand");
    }
  }

  private long count(String table) throws SQLException {
    try (var connection = brand.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
