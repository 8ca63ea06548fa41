package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parvis pointed at a PostgreSQL that does not answer: the start command says so clearly and fails,
 * health is DOWN, and no page of Parvis is served (EclipseLink needs its database to deploy on
 * Payara), rather than a half-working site. A second server, on its own ports.
 */
class BadDatabaseConfigurationIT {

  private static final ParvisCommand PARVIS = new ParvisCommand(18180, "e2e-bad-db");
  private static String startOutput;

  @BeforeAll
  static void startAgainstAnUnreachableDatabase() throws Exception {
    startOutput =
        PARVIS.run(
            "start",
            ParvisCommand.postgresql(
                "127.0.0.1",
                1,
                "parvis_brand",
                "parvis_brand",
                "wrong",
                "parvis_network",
                "parvis_network",
                "wrong"));
  }

  @AfterAll
  static void stop() throws Exception {
    PARVIS.run("stop", Map.of());
  }

  @Test
  void theStartCommandNamesTheProblem() {
    assertThat(startOutput)
        .contains("nothing answers on 127.0.0.1:1 (brand database)")
        .contains("nothing answers on 127.0.0.1:1 (network database)")
        .contains("ERROR: Parvis is not deployed: a database refused or did not answer.")
        .contains("cause: Connection to 127.0.0.1:1 refused")
        .contains("check PARVIS_BRAND_DB_* and PARVIS_NETWORK_DB_*");
  }

  @Test
  void healthIsDown() {
    var health = Http.get(PARVIS.baseUrl() + "/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"status\":\"DOWN\"");
  }

  @Test
  void noPageOfParvisIsServedAndTheServerDoesNotShowItself() {
    var home = Http.get(PARVIS.baseUrl() + "/");
    assertThat(home.body()).contains("Service momentanément indisponible").doesNotContain("Payara");
    for (String path : new String[] {"/reseau/", "/console/"}) {
      var response = Http.get(PARVIS.baseUrl() + path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Exception", "Payara", "GlassFish");
    }
  }
}
