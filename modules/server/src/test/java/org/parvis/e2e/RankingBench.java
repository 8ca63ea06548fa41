package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/**
 * Ranking and leaderboard queries of the deployed EAR on PostgreSQL with a large network: 20,000
 * members, 100,000 initiatives (80 % open, 2 % national, 5 % départemental, the rest in the
 * authors' communes), about 1,000,000 signatures spread over a year with a heavy tail (a few
 * initiatives gather most), the daily points and the running sums (week, month, all time) derived
 * from them as the roll-up would have kept them, 500 officials with every initiative routed to one
 * of them and a third answered. The data go straight into the network database with SQL, then every
 * list order and leaderboard is asked 50 times over HTTP (after 10 warm-up calls) and its p50 / p95
 * / max reported. A benchmark, not a test: run it when asked,
 *
 * <pre>./mvnw verify -pl modules/server -Dit.test=RankingBench</pre>
 */
class RankingBench {

  static final int MEMBERS = 20_000;
  static final int INITIATIVES = 100_000;
  static final int SIGNATURES = 1_100_000;
  static final int WARM_UP = 10;
  static final int RUNS = 50;
  private static final ParvisCommand PARVIS = new ParvisCommand(18380, "bench-postgresql");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void rankingAndLeaderboardTimes() throws Exception {
    Mailbox.start();
    var databases = PostgresqlDatabases.create("parvis_rankbench");
    try {
      var settings = new HashMap<>(databases.parvisSettings());
      settings.put("PARVIS_SMTP_HOST", "127.0.0.1");
      settings.put("PARVIS_SMTP_PORT", "18025");
      assertThat(PARVIS.run("start", settings)).contains("Health: UP");
      try (var db = databases.asNetwork(databases.network)) {
        seed(db, MEMBERS);
      }
      measure();
    } finally {
      PostgresqlDatabases.stopThenDrop(PARVIS, databases);
    }
  }

  /**
   * Writes the data set described above with {@code members} members straight into the network
   * database, and prints how long it took and how many rows each table holds.
   */
  static void seed(Connection db, int members) throws SQLException {
    seed(db, members, INITIATIVES, SIGNATURES);
  }

  /**
   * The same data set with {@code initiatives} initiatives and about {@code signatures} signatures
   * (a few percent fewer: a member signs an initiative once).
   */
  static void seed(Connection db, int members, int initiatives, int signatures)
      throws SQLException {
    long start = System.nanoTime();
    String themes =
        "ARRAY['ENVIRONMENT','TRANSPORT','HOUSING','EDUCATION','HEALTH','ECONOMY','EMPLOYMENT',"
            + "'CULTURE','SAFETY','DEMOCRACY','SOLIDARITY','OTHER']";
    execute(
        db,
        "CREATE TEMP TABLE bc AS SELECT code, name, departement_code, region_code,"
            + " row_number() OVER (ORDER BY code) AS n FROM territory_commune"
            + " WHERE region_code IS NOT NULL",
        "INSERT INTO member_account (id, handle, display_name, email, password_hash, commune_code,"
            + " language, created_at, email_confirmed_at)"
            + " SELECT nextval('member_account_id_seq'), 'rb' || g, 'Membre ' || g,"
            + " 'rb' || g || '@example.org', 'x', c.code, 'fr', now() - (g % 700) * interval '1 day',"
            + " now() FROM generate_series(1, "
            + members
            + ") g JOIN bc c ON c.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM bc)",
        "CREATE TEMP TABLE bm AS SELECT m.id, m.commune_code, row_number() OVER (ORDER BY m.id) AS n"
            + " FROM member_account m WHERE m.handle LIKE 'rb%'",
        "INSERT INTO initiative (id, author_id, title, description, theme, scope_kind, scope_code,"
            + " scope_name, commune_code, departement_code, region_code, status, created_at,"
            + " published_at, last_activity_at, revision)"
            + " SELECT nextval('initiative_id_seq'), m.id, 'Initiative ' || g,"
            + " '<p>Texte de l''initiative ' || g || '</p>', ("
            + themes
            + ")[1 + g % 12],"
            + " CASE WHEN g % 50 = 0 THEN 'NATIONAL' WHEN g % 20 = 0 THEN 'DEPARTEMENT'"
            + " ELSE 'COMMUNE' END,"
            + " CASE WHEN g % 50 = 0 THEN NULL WHEN g % 20 = 0 THEN c.departement_code ELSE c.code END,"
            + " CASE WHEN g % 50 = 0 THEN 'France' ELSE c.name END,"
            + " CASE WHEN g % 50 = 0 OR g % 20 = 0 THEN NULL ELSE c.code END,"
            + " CASE WHEN g % 50 = 0 THEN NULL ELSE c.departement_code END,"
            + " CASE WHEN g % 50 = 0 THEN NULL ELSE c.region_code END,"
            + " CASE WHEN g % 10 < 8 THEN 'PUBLISHED' WHEN g % 10 = 8 THEN 'ACHIEVED'"
            + " ELSE 'CLOSED' END,"
            + " now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day',"
            + " now() - (g % 365) * interval '1 day', 1"
            + " FROM generate_series(1, "
            + initiatives
            + ") g JOIN bm m ON m.n = 1 + (g::bigint * 31) % "
            + members
            + " JOIN territory_commune c ON c.code = m.commune_code",
        "CREATE TEMP TABLE bi AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM initiative",
        "INSERT INTO initiative_signature (initiative_id, member_id, signed_at)"
            + " SELECT i.id, m.id, s.at FROM (SELECT 1 + floor("
            + initiatives
            + " * power(random(), 3))::int AS ni, 1 + floor("
            + members
            + " * random())::int AS nm, now() - random() * 365 * interval '1 day' AS at"
            + " FROM generate_series(1, "
            + signatures
            + ") OFFSET 0) s JOIN bi i ON i.n = s.ni JOIN bm m ON m.n = s.nm"
            + " ON CONFLICT DO NOTHING",
        "INSERT INTO initiative_points_daily (initiative_id, on_day, points)"
            + " SELECT initiative_id, (signed_at AT TIME ZONE 'Europe/Paris')::date, count(*)"
            + " FROM initiative_signature GROUP BY 1, 2",
        "UPDATE initiative i SET signature_count = c.n, points = c.n,"
            + " hot = extract(epoch FROM (c.last - timestamptz '2026-01-01 00:00:00+00')) / 86400"
            + " + ln(c.n) / ln(2) FROM (SELECT initiative_id, count(*) AS n, max(signed_at) AS last"
            + " FROM initiative_signature GROUP BY 1) c WHERE c.initiative_id = i.id",
        "UPDATE initiative i SET points_week = w.p FROM (SELECT initiative_id, sum(points) AS p"
            + " FROM initiative_points_daily WHERE on_day > current_date - 7 GROUP BY 1) w"
            + " WHERE w.initiative_id = i.id",
        "UPDATE initiative i SET points_month = w.p FROM (SELECT initiative_id, sum(points) AS p"
            + " FROM initiative_points_daily WHERE on_day > current_date - 30 GROUP BY 1) w"
            + " WHERE w.initiative_id = i.id",
        "INSERT INTO member_points_daily (member_id, on_day, points)"
            + " SELECT i.author_id, d.on_day, sum(d.points) FROM initiative_points_daily d"
            + " JOIN initiative i ON i.id = d.initiative_id GROUP BY 1, 2",
        "UPDATE member_account m SET points_total = w.t, points_month = w.mo, points_week = w.wk"
            + " FROM (SELECT member_id, sum(points) AS t,"
            + " coalesce(sum(points) FILTER (WHERE on_day > current_date - 30), 0) AS mo,"
            + " coalesce(sum(points) FILTER (WHERE on_day > current_date - 7), 0) AS wk"
            + " FROM member_points_daily GROUP BY 1) w WHERE w.member_id = m.id",
        "INSERT INTO initiative_routing (initiative_id, official_id, routed_at, answered_at)"
            + " SELECT i.id, o.id, i.published_at, CASE WHEN b.n % 3 = 0 THEN i.published_at"
            + " + (b.n % 20) * interval '1 day' END FROM bi b JOIN initiative i ON i.id = b.id"
            + " JOIN bm o ON o.n = 1 + b.n % 500",
        "INSERT INTO official_answer (id, initiative_id, official_id, mandate_title, body,"
            + " answered_at, delay_seconds) SELECT nextval('official_answer_id_seq'),"
            + " r.initiative_id, r.official_id, 'Maire', 'Réponse', r.answered_at,"
            + " extract(epoch FROM (r.answered_at - r.routed_at))::bigint"
            + " FROM initiative_routing r WHERE r.answered_at IS NOT NULL",
        "UPDATE member_account m SET routed_count = c.routed, answered_count = c.answered"
            + " FROM (SELECT official_id, count(*) AS routed, count(answered_at) AS answered"
            + " FROM initiative_routing GROUP BY 1) c WHERE c.official_id = m.id",
        "ANALYZE");
    var counts = new LinkedHashMap<String, Long>();
    for (String table :
        new String[] {
          "member_account",
          "initiative",
          "initiative_signature",
          "initiative_points_daily",
          "member_points_daily",
          "initiative_routing",
          "official_answer"
        }) {
      try (var rs = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        counts.put(table, rs.getLong(1));
      }
    }
    System.out.printf(
        "%nBENCH data set written in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, counts);
    assertThat(counts.get("initiative")).isGreaterThanOrEqualTo(initiatives);
    assertThat(counts.get("initiative_signature")).isGreaterThanOrEqualTo(signatures * 9L / 10);
  }

  private static void execute(Connection db, String... statements) throws SQLException {
    for (String sql : statements) {
      try (var statement = db.createStatement()) {
        statement.execute(sql);
      }
    }
  }

  private static void measure() throws Exception {
    var asks = new LinkedHashMap<String, String>();
    asks.put("list new", "/reseau/api/initiatives?tri=new");
    asks.put("list most signed", "/reseau/api/initiatives?tri=signed");
    asks.put("list hot", "/reseau/api/initiatives?tri=hot");
    asks.put("list hot page 10", "/reseau/api/initiatives?tri=hot&page=10");
    asks.put("list top week", "/reseau/api/initiatives?tri=top&periode=week");
    asks.put("list top month", "/reseau/api/initiatives?tri=top&periode=month");
    asks.put("list top all time", "/reseau/api/initiatives?tri=top&periode=all");
    asks.put("list near (Bordeaux)", "/reseau/api/initiatives?tri=near&pres=33063");
    asks.put(
        "list hot in a région (75)", "/reseau/api/initiatives?tri=hot&territoire=REGION&code=75");
    asks.put(
        "list top month in a département (33)",
        "/reseau/api/initiatives?tri=top&periode=month&territoire=DEPARTEMENT&code=33");
    for (String who : new String[] {"membres", "elus"}) {
      String board = "/reseau/classements.xhtml?qui=" + who;
      asks.put("leaderboard " + who + " national week", board + "&periode=week");
      asks.put("leaderboard " + who + " national month", board + "&periode=month");
      asks.put("leaderboard " + who + " national all time", board + "&periode=all");
      asks.put(
          "leaderboard " + who + " région 75 month",
          board + "&territoire=REGION&code=75&periode=month");
      asks.put(
          "leaderboard " + who + " département 33 all time",
          board + "&territoire=DEPARTEMENT&code=33&periode=all");
      asks.put(
          "leaderboard " + who + " commune 33063 all time",
          board + "&territoire=COMMUNE&code=33063&periode=all");
    }
    for (var ask : asks.entrySet()) {
      var request =
          HttpRequest.newBuilder(URI.create(PARVIS.baseUrl() + ask.getValue())).GET().build();
      for (int i = 0; i < WARM_UP; i++) {
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
            .as(ask.getValue())
            .isEqualTo(200);
      }
      long[] nanos = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "BENCH %-50s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
          ask.getKey(),
          nanos[RUNS / 2] / 1e6,
          nanos[(int) (RUNS * 0.95)] / 1e6,
          nanos[RUNS - 1] / 1e6);
    }
  }
}
