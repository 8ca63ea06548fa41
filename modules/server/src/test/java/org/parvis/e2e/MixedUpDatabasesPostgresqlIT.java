package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A configuration mistake on a real PostgreSQL: the brand side pointed at the network database. The
 * brand role may not even connect to it, so Parvis is not deployed (EclipseLink connects when a
 * unit with entities deploys), the start says which database refused and why, and health is DOWN:
 * no brand data is ever written next to the network's.
 */
class MixedUpDatabasesPostgresqlIT {

  private static final ParvisCommand PARVIS = new ParvisCommand(18380, "e2e-mixed-up");
  private static PostgresqlDatabases databases;
  private static String startOutput;

  @BeforeAll
  static void startWithTheBrandSideOnTheNetworkDatabase() throws Exception {
    databases = PostgresqlDatabases.create("parvis_mix");
    Map<String, String> settings = new HashMap<>(databases.parvisSettings());
    settings.put("PARVIS_BRAND_DB_NAME", databases.network);
    startOutput = PARVIS.run("start", settings);
  }

  @AfterAll
  static void stopAndDrop() throws Exception {
    PostgresqlDatabases.stopThenDrop(PARVIS, databases);
  }

  @Test
  void theStartSaysWhichDatabaseRefusedAndWhy() {
    assertThat(startOutput)
        .contains("ERROR: Parvis is not deployed: a database refused or did not answer.")
        .contains("permission denied for database \"" + databases.network + "\"")
        .contains("check PARVIS_BRAND_DB_* and PARVIS_NETWORK_DB_*");
  }

  @Test
  void healthIsDownAndNoPageOfParvisIsServed() {
    var health = Http.get(PARVIS.baseUrl() + "/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).startsWith("{").contains("\"status\":\"DOWN\"");
    assertThat(Http.get(PARVIS.baseUrl() + "/").body())
        .contains("Service momentanément indisponible");
    assertThat(Http.get(PARVIS.baseUrl() + "/reseau/").statusCode()).isEqualTo(404);
  }
}
