package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs server-config/parvis (start, stop) for a second Parvis instance beside the one the build
 * started, on its own port and work folder, with the given PARVIS_* settings only.
 */
final class ParvisCommand {

  private final int port;
  private final Path work;

  ParvisCommand(int port, String workFolder) {
    this.port = port;
    this.work = Path.of(System.getProperty("parvis.buildDir", "target"), workFolder);
  }

  /** The first-run setup code this instance wrote in its server log. */
  String setupCode() throws IOException {
    return ConsoleSignInIT.setupCodeFromTheServerLog(
        work.resolve("domains").resolve("parvis").resolve("logs").resolve("server.log"));
  }

  /**
   * Creates this instance's first administrator with the setup code from its log, signs them in and
   * enrols their second factor.
   */
  SignedIn firstAdministrator(String username, String password) throws IOException {
    var setup = new WebSession(baseUrl());
    setup.get("/console/");
    var created =
        setup.submit(
            "setup",
            "create",
            Map.of(
                "setupCode",
                setupCode(),
                "setupUsername",
                username,
                "setupDisplayName",
                "Admin",
                "setupEmail",
                username + "@example.org",
                "setupPassword",
                password));
    assertThat(created.statusCode()).isIn(302, 303);
    var visitor = new WebSession(baseUrl());
    visitor.get("/console/");
    var right =
        visitor.submit("signin", "submit", Map.of("username", username, "password", password));
    assertThat(right.headers().firstValue("Location").orElseThrow())
        .contains("/staff/two-factor.xhtml");
    var factor = SecondFactor.enrol(visitor);
    assertThat(visitor.get("/console/staff/").statusCode()).isEqualTo(200);
    return new SignedIn(visitor, factor);
  }

  /** A staff member's console session and their authenticator. */
  record SignedIn(WebSession session, SecondFactor factor) {}

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Output (stdout and stderr) of the command. */
  String run(String command, Map<String, String> settings)
      throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(
                "bash",
                Path.of(System.getProperty("parvis.root"), "server-config", "parvis").toString(),
                command)
            .redirectErrorStream(true);
    var env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("PARVIS_"));
    env.put("PARVIS_PAYARA_HOME", System.getProperty("parvis.payaraHome"));
    env.put("PARVIS_EAR", System.getProperty("parvis.ear"));
    env.put("PARVIS_POSTGRESQL_DRIVER", System.getProperty("parvis.postgresqlDriver"));
    env.put("PARVIS_WORK_DIR", work.toString());
    env.put("PARVIS_HTTP_PORT", String.valueOf(port));
    env.putAll(settings);
    var process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    return output;
  }

  /** The PARVIS_* settings of PostgreSQL for both sides. */
  static Map<String, String> postgresql(
      String host,
      int port,
      String brandDb,
      String brandUser,
      String brandPassword,
      String networkDb,
      String networkUser,
      String networkPassword) {
    var settings = new java.util.HashMap<String, String>();
    settings.put("PARVIS_DATABASE", "postgresql");
    settings.put("PARVIS_BRAND_DB_HOST", host);
    settings.put("PARVIS_BRAND_DB_PORT", String.valueOf(port));
    settings.put("PARVIS_BRAND_DB_NAME", brandDb);
    settings.put("PARVIS_BRAND_DB_USER", brandUser);
    settings.put("PARVIS_BRAND_DB_PASSWORD", brandPassword);
    settings.put("PARVIS_NETWORK_DB_HOST", host);
    settings.put("PARVIS_NETWORK_DB_PORT", String.valueOf(port));
    settings.put("PARVIS_NETWORK_DB_NAME", networkDb);
    settings.put("PARVIS_NETWORK_DB_USER", networkUser);
    settings.put("PARVIS_NETWORK_DB_PASSWORD", networkPassword);
    return settings;
  }
}
