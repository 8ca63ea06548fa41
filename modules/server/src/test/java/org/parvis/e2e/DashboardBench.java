package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The console's dashboard of the deployed EAR on PostgreSQL with a large network: RankingBench's
 * data set with 100,000 members (100,000 initiatives, about 1,000,000 signatures over a year, 500
 * officials answering a third of what they receive). The daily counts are then recounted from
 * scratch by the network's own job (as after an upgrade), and the dashboard is asked over 7 days,
 * 30 days and 12 months, with its charts and CSV, 50 times each by a signed-in administrator (after
 * 10 warm-up calls); p50 / p95 / max reported. A benchmark, not a test: run it when asked,
 *
 * <pre>./mvnw verify -pl modules/server -Dit.test=DashboardBench</pre>
 */
class DashboardBench {

  static final int MEMBERS = 100_000;
  static final int WARM_UP = 10;
  static final int RUNS = 50;
  private static final ParvisCommand PARVIS = new ParvisCommand(18390, "bench-dashboard");

  @Test
  void dashboardTimes() throws Exception {
    Mailbox.start();
    var databases = PostgresqlDatabases.create("parvis_dashbench");
    try {
      var settings = new HashMap<>(databases.parvisSettings());
      settings.put("PARVIS_SMTP_HOST", "127.0.0.1");
      settings.put("PARVIS_SMTP_PORT", "18025");
      assertThat(PARVIS.run("start", settings)).contains("Health: UP");
      var administrator = PARVIS.firstAdministrator("admin-bench", "un tableau de bord rapide");
      try (var db = databases.asNetwork(databases.network)) {
        RankingBench.seed(db, MEMBERS);
        // Counted again from the first member's day by the job that runs every minute.
        db.createStatement().execute("DELETE FROM activity_daily");
        long start = System.nanoTime();
        Awaitility.await("the network's job recounting two years of daily activity")
            .atMost(Duration.ofMinutes(6))
            .pollInterval(Duration.ofSeconds(5))
            .until(() -> recountedToToday(db));
        System.out.printf(
            "BENCH daily counts recounted from scratch within %.0f s%n",
            (System.nanoTime() - start) / 1e9);
      }
      measure(administrator.session());
    } finally {
      PostgresqlDatabases.stopThenDrop(PARVIS, databases);
    }
  }

  /** True once the job has counted signatures up to today (Paris). */
  private static boolean recountedToToday(java.sql.Connection db) throws java.sql.SQLException {
    try (var rs =
        db.createStatement()
            .executeQuery(
                "SELECT COUNT(*) FROM activity_daily WHERE metric = 'SIGNATURES'"
                    + " AND on_day = (now() AT TIME ZONE 'Europe/Paris')::date")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static void measure(WebSession administrator) {
    var asks = new LinkedHashMap<String, String>();
    asks.put("console page without figures (password)", "/console/staff/password.xhtml");
    asks.put("dashboard 7 days", "/console/staff/?periode=7j");
    asks.put("dashboard 30 days", "/console/staff/?periode=30j");
    asks.put("dashboard 12 months", "/console/staff/?periode=12m");
    asks.put(
        "chart 12 months (members, signatures)",
        "/console/staff/dashboard/chart.svg?courbes=MEMBERS,SIGNATURES&periode=12m");
    asks.put("daily counts CSV 12 months", "/console/staff/dashboard/activite.csv?periode=12m");
    for (var ask : asks.entrySet()) {
      for (int i = 0; i < WARM_UP; i++) {
        assertThat(administrator.get(ask.getValue()).statusCode())
            .as(ask.getValue())
            .isEqualTo(200);
      }
      long[] nanos = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        administrator.get(ask.getValue());
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "BENCH %-45s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          ask.getKey(),
          nanos[RUNS / 2] / 1e6,
          nanos[(int) (RUNS * 0.95)] / 1e6,
          nanos[RUNS - 1] / 1e6);
    }
  }
}
