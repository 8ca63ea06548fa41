package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A pair of Parvis databases created on a real PostgreSQL by server-config/postgresql-setup.sql,
 * exactly as the README tells a party to do it, under names unique to one test run. The server and
 * its superuser come from PARVIS_TEST_PG_HOST, _PORT, _SUPERUSER (default 127.0.0.1, 5432, postgres
 * with trust authentication, as on the CI machine).
 */
final class PostgresqlDatabases implements AutoCloseable {

  static final String HOST = env("PARVIS_TEST_PG_HOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("PARVIS_TEST_PG_PORT", "5432"));
  static final String SUPERUSER = env("PARVIS_TEST_PG_SUPERUSER", "postgres");

  final String brand;
  final String network;
  final String brandPassword = secret();
  final String networkPassword = secret();

  private PostgresqlDatabases(String prefix) {
    String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    this.brand = prefix + "_brand_" + run;
    this.network = prefix + "_network_" + run;
  }

  /** Creates both databases and both roles (named like their database). */
  static PostgresqlDatabases create(String prefix) throws IOException, InterruptedException {
    var databases = new PostgresqlDatabases(prefix);
    databases.psql(
        List.of(
            "-v", "brand_db=" + databases.brand,
            "-v", "brand_user=" + databases.brand,
            "-v", "brand_password=" + databases.brandPassword,
            "-v", "network_db=" + databases.network,
            "-v", "network_user=" + databases.network,
            "-v", "network_password=" + databases.networkPassword,
            "-f",
                Path.of(System.getProperty("parvis.root"), "server-config", "postgresql-setup.sql")
                    .toString()));
    return databases;
  }

  Connection connect(String database, String role, String password) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://%s:%d/%s".formatted(HOST, PORT, database), role, password);
  }

  Connection asBrand(String database) throws SQLException {
    return connect(database, brand, brandPassword);
  }

  Connection asNetwork(String database) throws SQLException {
    return connect(database, network, networkPassword);
  }

  Map<String, String> parvisSettings() {
    return ParvisCommand.postgresql(
        HOST, PORT, brand, brand, brandPassword, network, network, networkPassword);
  }

  /** After a test class: stops its Parvis, then drops its databases (if they were created). */
  static void stopThenDrop(ParvisCommand parvis, PostgresqlDatabases databases) throws Exception {
    parvis.run("stop", Map.of());
    if (databases != null) {
      databases.close();
    }
  }

  @Override
  public void close() throws Exception {
    psql(
        List.of(
            "-c", "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)".formatted(brand),
            "-c", "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)".formatted(network),
            "-c", "DROP ROLE IF EXISTS \"%s\"".formatted(brand),
            "-c", "DROP ROLE IF EXISTS \"%s\"".formatted(network)));
  }

  private void psql(List<String> arguments) throws IOException, InterruptedException {
    var command =
        new java.util.ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-q",
                "-h",
                HOST,
                "-p",
                String.valueOf(PORT),
                "-U",
                SUPERUSER,
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1"));
    command.addAll(arguments);
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("psql said: " + output).isZero();
  }

  private static String secret() {
    return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
