package org.parvis.kernel.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One database of Parvis (brand or network) as one module sees it: its versioned migrations and
 * whether it answers.
 *
 * <p>Several modules may keep tables in the same database (moderation lives in the network
 * database): each has its own migration history table so that their version numbers never collide.
 *
 * <p>A failed migration does not stop deployment: the module stays deployed, reports DOWN through
 * its health check and answers 503, so the operator sees one clear error instead of a half-working
 * site.
 */
public final class DatabaseSchema {

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());
  private static final int PING_TIMEOUT_SECONDS = 2;

  /** A failed attempt is retried after this delay, so a database that comes back is picked up. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private final String name;
  private final DataSource dataSource;
  private final ClassLoader classLoader;
  private final String location;
  private final String historyTable;
  private final List<JavaMigration> javaMigrations;

  private volatile MigrationOutcome outcome = MigrationOutcome.notYet();
  private volatile Instant attemptedAt = Instant.MIN;

  /**
   * @param name human-readable name used in logs and health reports, e.g. "brand"
   * @param location Flyway location of the SQL migrations, e.g. "classpath:org/parvis/x/db"
   * @param historyTable the module's own Flyway history table
   */
  public DatabaseSchema(
      String name,
      DataSource dataSource,
      ClassLoader classLoader,
      String location,
      String historyTable,
      List<JavaMigration> javaMigrations) {
    this.name = Objects.requireNonNull(name);
    this.dataSource = Objects.requireNonNull(dataSource);
    this.classLoader = Objects.requireNonNull(classLoader);
    this.location = Objects.requireNonNull(location);
    this.historyTable = Objects.requireNonNull(historyTable);
    this.javaMigrations = List.copyOf(javaMigrations);
  }

  public String name() {
    return name;
  }

  private volatile Boolean postgresql;

  /**
   * Whether the database is PostgreSQL (the production database) rather than the embedded H2: a few
   * statements (lock timeouts) exist on one only. Asked once, when the database first answers.
   */
  public boolean postgresql() {
    Boolean known = postgresql;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException(rootMessage(e), e);
      }
      postgresql = known;
    }
    return known;
  }

  /**
   * Applies pending migrations. Once they succeeded, later calls return at once; after a failure
   * they return the failure until {@link #RETRY_AFTER} has passed, then try again.
   */
  public MigrationOutcome migrate() {
    return settled() ? outcome : attempt();
  }

  private boolean settled() {
    return outcome.succeeded()
        || (outcome.attempted() && Instant.now().isBefore(attemptedAt.plus(RETRY_AFTER)));
  }

  private synchronized MigrationOutcome attempt() {
    if (settled()) {
      return outcome;
    }
    attemptedAt = Instant.now();
    try {
      refuseAnotherSidesDatabase();
      var result = flyway().migrate();
      outcome = MigrationOutcome.applied(result.migrationsExecuted);
      LOG.info(
          () ->
              "Database '%s' (%s): %d migration(s) applied, schema at version %s"
                  .formatted(
                      name,
                      historyTable,
                      result.migrationsExecuted,
                      result.targetSchemaVersion != null
                          ? result.targetSchemaVersion
                          : result.initialSchemaVersion));
    } catch (FlywayException | IllegalStateException e) {
      // Flyway's own message names the migration and the database's answer.
      outcome =
          MigrationOutcome.failed(
              oneLine(e.getMessage() == null ? rootMessage(e) : e.getMessage()));
      LOG.log(
          Level.SEVERE,
          "Database '%s' is not usable: %s. Check the datasource settings (README, 'PostgreSQL')."
              .formatted(name, outcome.detail()),
          e);
    }
    return outcome;
  }

  private Flyway flyway() {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations(location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
        .load();
  }

  /** The module's history table, e.g. {@code flyway_network}. */
  public String historyTable() {
    return historyTable;
  }

  /**
   * The module's migrations as its history table and its sources say (applied, pending, failed…),
   * in version order; empty with the reason logged if the database cannot be read.
   */
  public List<Migration> migrations() {
    try {
      return java.util.Arrays.stream(flyway().info().all())
          .map(
              m ->
                  new Migration(
                      m.getVersion() == null ? "" : m.getVersion().getVersion(),
                      m.getDescription(),
                      m.getState().getDisplayName(),
                      m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant()))
          .toList();
    } catch (FlywayException e) {
      LOG.log(Level.WARNING, "Migrations of ''{0}'' unreadable: {1}", new Object[] {name, e});
      return List.of();
    }
  }

  /** One migration: its version, description, state ({@code Success}, {@code Pending}…), when. */
  public record Migration(String version, String description, String state, Instant installedOn) {}

  /** The side whose database this is: "brand" or "network" (moderation lives in the network's). */
  private String side() {
    return name.split("/", 2)[0];
  }

  /**
   * Each side's migrations write its name in {@code parvis_database}: a datasource that reaches the
   * other side's database (one file or database named for both pools) is refused before anything is
   * written to it, and the side stays DOWN with the reason.
   */
  private void refuseAnotherSidesDatabase() {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      boolean marked = false;
      for (String table : List.of("parvis_database", "PARVIS_DATABASE")) {
        try (var tables = meta.getTables(null, null, table, new String[] {"TABLE"})) {
          marked |= tables.next();
        }
      }
      if (!marked) {
        return;
      }
      try (var statement = connection.createStatement();
          var rows = statement.executeQuery("SELECT side FROM parvis_database")) {
        while (rows.next()) {
          String other = rows.getString(1);
          if (!side().equals(other)) {
            throw new IllegalStateException(
                "this datasource reaches the "
                    + other
                    + " database, not the "
                    + side()
                    + " one: each side needs a database of its own (README, 'PostgreSQL')");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(rootMessage(e), e);
    }
  }

  /** Current state: migrated and answering now, or why not. */
  public DatabaseStatus status() {
    if (!outcome.attempted()) {
      return DatabaseStatus.down(name, "schema not migrated yet");
    }
    if (!outcome.succeeded()) {
      return DatabaseStatus.down(name, "migration failed: " + outcome.detail());
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PING_TIMEOUT_SECONDS)
          ? DatabaseStatus.up(name)
          : DatabaseStatus.down(name, "no answer within " + PING_TIMEOUT_SECONDS + " s");
    } catch (SQLException e) {
      return DatabaseStatus.down(name, rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  private static String oneLine(String message) {
    String line =
        String.join(
            " / ",
            message
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("-"))
                .toList());
    return line.length() <= 500 ? line : line.substring(0, 500) + "…";
  }

  /** What the last migration attempt gave. */
  public record MigrationOutcome(
      boolean attempted, boolean succeeded, int executed, String detail) {
    static MigrationOutcome notYet() {
      return new MigrationOutcome(false, false, 0, "");
    }

    static MigrationOutcome applied(int executed) {
      return new MigrationOutcome(true, true, executed, "");
    }

    static MigrationOutcome failed(String detail) {
      return new MigrationOutcome(true, false, 0, detail);
    }
  }
}
