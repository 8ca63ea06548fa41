package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server against two real PostgreSQL databases: migrations run on each side, the
 * pages answer from PostgreSQL, and each database holds only its own side's tables.
 */
class PostgresqlEndToEndPostgresqlIT {

  private static final ParvisCommand PARVIS = new ParvisCommand(18280, "e2e-postgresql");
  private static PostgresqlDatabases databases;
  private static String startOutput;

  @BeforeAll
  static void startOnPostgresql() throws Exception {
    databases = PostgresqlDatabases.create("parvis_e2e");
    startOutput = PARVIS.run("start", databases.parvisSettings());
  }

  @AfterAll
  static void stopAndDrop() throws Exception {
    PostgresqlDatabases.stopThenDrop(PARVIS, databases);
  }

  @Test
  void startsHealthy() {
    assertThat(startOutput).contains("Health: UP");
    var health = Http.get(PARVIS.baseUrl() + "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"brand\":\"UP\"", "\"network\":\"UP\"", "\"network/moderation\":\"UP\"");
  }

  @Test
  void theNetworkPagesReadFromPostgresql() {
    var page = Jsoup.parse(Http.get(PARVIS.baseUrl() + "/reseau/?cp=23000").body());
    assertThat(page.select("#communes li").eachText()).contains("Guéret (23)");
  }

  @Test
  void staffSetUpAndSignInOnPostgresql() throws Exception {
    var admin = new WebSession(PARVIS.baseUrl());
    admin.get("/console/");
    String code =
        ConsoleSignInIT.setupCodeFromTheServerLog(
            Path.of(
                System.getProperty("parvis.buildDir"),
                "e2e-postgresql",
                "domains",
                "parvis",
                "logs",
                "server.log"));
    var created =
        admin.submit(
            "setup",
            "create",
            Map.of(
                "setupCode", code,
                "setupUsername", "admin-pg",
                "setupDisplayName", "Admin",
                "setupEmail", "admin-pg@example.org",
                "setupPassword", "un parvis sur postgresql"));
    assertThat(created.statusCode()).isIn(302, 303);

    var visitor = new WebSession(PARVIS.baseUrl());
    visitor.get("/console/");
    var wrong =
        visitor.submit(
            "signin", "submit", Map.of("username", "admin-pg", "password", "pas celui-là"));
    assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect.");
    var right =
        visitor.submit(
            "signin",
            "submit",
            Map.of("username", "admin-pg", "password", "un parvis sur postgresql"));
    assertThat(right.headers().firstValue("Location").orElseThrow())
        .contains("/staff/two-factor.xhtml");
    var factor = SecondFactor.enrol(visitor);
    assertThat(visitor.get("/console/staff/").statusCode()).isEqualTo(200);

    var again = new WebSession(PARVIS.baseUrl());
    again.get("/console/");
    again.submit(
        "signin", "submit", Map.of("username", "admin-pg", "password", "un parvis sur postgresql"));
    var signedIn = again.submit("secondFactor", "verify", Map.of("code", factor.nextCode()));
    assertThat(signedIn.statusCode()).isIn(302, 303);
    assertThat(again.get("/console/staff/").statusCode()).isEqualTo(200);

    try (var brand = databases.asBrand(databases.brand);
        var query =
            brand.prepareStatement("SELECT totp_secret FROM staff_account WHERE username = ?")) {
      query.setString(1, "admin-pg");
      var row = query.executeQuery();
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1))
          .as("the TOTP key is sealed with parvis.secrets.key, not stored as it is")
          .startsWith("v1:")
          .doesNotContain(factor.secret);
    }
  }

  @Test
  void eachDatabaseHoldsOnlyItsOwnSidesTables() throws SQLException {
    assertThat(tables(databases.asBrand(databases.brand)))
        .contains("flyway_history_campaign_site", "territory_commune")
        .doesNotContain(
            "flyway_history_social_network", "flyway_history_moderation", "moderation_log");
    assertThat(tables(databases.asNetwork(databases.network)))
        .contains(
            "flyway_history_social_network",
            "flyway_history_moderation",
            "moderation_log",
            "territory_commune")
        .doesNotContain("flyway_history_campaign_site", "staff_account", "staff_security_event");
  }

  private static List<String> tables(java.sql.Connection connection) throws SQLException {
    try (connection;
        var rows =
            connection
                .createStatement()
                .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
      var names = new ArrayList<String>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }
}
