package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parvis pointed at a PostgreSQL that does not answer: the start command says so clearly and
 * fails, health is DOWN, and no page of Parvis is served (EclipseLink needs its database to
 * deploy on Payara), rather than a half-working site.
 * A second server, on its own ports, beside the one the other end-to-end tests use.
 */
class BadDatabaseConfigurationIT {

  private static final int PORT = 18180;
  private static final String BASE = "http://localhost:" + PORT;
  private static final Path WORK = Path.of(System.getProperty("parvis.buildDir", "target"), "e2e-bad-db");
  private static String startOutput;

  @BeforeAll
  static void startAgainstAnUnreachableDatabase() throws Exception {
    startOutput =
        parvis(
            "start",
            unreachablePostgresql());
  }

  private static Map<String, String> unreachablePostgresql() {
    var settings = new java.util.HashMap<String, String>();
    settings.put("PARVIS_DATABASE", "postgresql");
    for (String side : new String[] {"BRAND", "NETWORK"}) {
      settings.put("PARVIS_" + side + "_DB_HOST", "127.0.0.1");
      settings.put("PARVIS_" + side + "_DB_PORT", "1");
      settings.put("PARVIS_" + side + "_DB_NAME", "parvis_" + side.toLowerCase());
      settings.put("PARVIS_" + side + "_DB_USER", "parvis_" + side.toLowerCase());
      settings.put("PARVIS_" + side + "_DB_PASSWORD", "wrong");
    }
    return settings;
  }

  @AfterAll
  static void stop() throws Exception {
    parvis("stop", Map.of());
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
  void healthIsDownWithTheReason() {
    var health = Http.get(BASE + "/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"status\":\"DOWN\"");
  }

  @Test
  void noPageOfParvisIsServedAndTheServerDoesNotShowItself() {
    var home = Http.get(BASE + "/");
    assertThat(home.body()).contains("Service momentanément indisponible").doesNotContain("Payara");
    for (String path : new String[] {"/reseau/", "/console/"}) {
      var response = Http.get(BASE + path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("Exception", "Payara", "GlassFish");
    }
  }

  private static String parvis(String command, Map<String, String> settings)
      throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(
                "bash", Path.of(System.getProperty("parvis.root"), "server-config", "parvis").toString(), command)
            .redirectErrorStream(true);
    var env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("PARVIS_"));
    env.put("PARVIS_PAYARA_HOME", System.getProperty("parvis.payaraHome"));
    env.put("PARVIS_EAR", System.getProperty("parvis.ear"));
    env.put("PARVIS_POSTGRESQL_DRIVER", System.getProperty("parvis.postgresqlDriver"));
    env.put("PARVIS_WORK_DIR", WORK.toString());
    env.put("PARVIS_HTTP_PORT", String.valueOf(PORT));
    env.putAll(settings);
    var process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    return output;
  }
}
