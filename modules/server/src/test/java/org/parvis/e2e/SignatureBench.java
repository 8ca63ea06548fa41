package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.security.PasswordHash;

/**
 * Signing throughput of the deployed EAR on PostgreSQL, measured the same way each time, next to
 * the raw single-row insert rate of the same PostgreSQL measured in the same run with pgbench.
 *
 * <p>A second Parvis runs on two fresh PostgreSQL databases (port 18380). 200 members (written
 * straight into the network database, then signed in through the real form) sign initiatives
 * through {@code POST /reseau/api/initiatives/{id}/signature}: wrk (Debian's, installed by
 * src/test/install-debian.sh) keeps 200 connections busy, one signer each, all signers walking the
 * initiatives in the same order, so that 200 members sign the same initiative at the same moment. A
 * warm-up of the same load on other initiatives comes first (JIT compilation on two cores takes
 * minutes: the rate climbs from about 300/s to its plateau), then the measured run. Reported:
 * signatures per second, p50 and p99 latency (wrk's), the same load reading an initiative for
 * comparison, then pgbench's transactions per second for a single-row INSERT of the same shape with
 * as many connections as Parvis's pool (32). During the measured run an anonymous reader reloads
 * the public pages of initiatives the signers reach along the way, every 250 ms: how long after an
 * initiative's last signature its page shows the final count is reported (at most 5 s). Afterwards
 * every initiative's rolled-up count must equal its rows. A benchmark, not a test: it runs only
 * when asked (CI does not):
 *
 * <pre>
 * ./mvnw verify -pl modules/server -Dit.test=SignatureBench [-Dbench.warmup=300 -Dbench.seconds=30]
 *     [-Dbench.profile=true]
 * </pre>
 *
 * <p>With {@code -Dbench.profile=true} the measured run is recorded by Java Flight Recorder in the
 * server and the methods where its CPU samples fall are printed.
 */
class SignatureBench {

  static final int SIGNERS = 200;
  static final int POOL = 32;
  static final int WRK_THREADS = 2;
  static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 300);
  static final int MEASURED_SECONDS = Integer.getInteger("bench.seconds", 30);

  /** Enough pairs that neither run signs them all, up to 2,500 signatures a second. */
  static final int WARM_UP_INITIATIVES = 2_500 * WARM_UP_SECONDS / SIGNERS + 1;

  static final int MEASURED_INITIATIVES = 2_500 * MEASURED_SECONDS / SIGNERS + 1;
  private static final String PASSWORD = "une signature pour la ligne de train";
  static final boolean PROFILE = Boolean.getBoolean("bench.profile");
  private static final String DOMAIN = "bench-postgresql";
  private static final ParvisCommand PARVIS = new ParvisCommand(18380, DOMAIN);
  private static final Path WORK =
      Path.of(System.getProperty("parvis.buildDir", "target"), "bench-signatures");

  @Test
  void signaturesPerSecond() throws Exception {
    installWrk();
    Mailbox.start();
    var databases = PostgresqlDatabases.create("parvis_bench");
    try {
      var settings = new HashMap<>(databases.parvisSettings());
      settings.put("PARVIS_SMTP_HOST", "127.0.0.1");
      settings.put("PARVIS_SMTP_PORT", "18025");
      assertThat(PARVIS.run("start", settings)).contains("Health: UP");
      run(databases);
    } finally {
      PostgresqlDatabases.stopThenDrop(PARVIS, databases);
    }
  }

  private void run(PostgresqlDatabases databases) throws Exception {
    Files.createDirectories(WORK);
    String prefix = "b" + System.nanoTime() % 100_000;
    List<Long> measured;
    List<Long> warmUp;
    try (var db = databases.asNetwork(databases.network)) {
      String hash = PasswordHash.hash(PASSWORD.toCharArray());
      try (var insert =
          db.prepareStatement(
              "INSERT INTO member_account (id, handle, display_name, email, password_hash,"
                  + " commune_code, language, created_at, email_confirmed_at)"
                  + " VALUES (nextval('member_account_id_seq'), ?, ?, ?, ?, '23096', 'fr', now(),"
                  + " now())")) {
        for (int i = 0; i < SIGNERS; i++) {
          insert.setString(1, prefix + "-" + i);
          insert.setString(2, "Signataire " + i);
          insert.setString(3, prefix + "-" + i + "@example.org");
          insert.setString(4, hash);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      measured = initiatives(db, prefix, "Initiative de banc d'essai ", MEASURED_INITIATIVES);
      warmUp = initiatives(db, prefix, "Échauffement ", WARM_UP_INITIATIVES);
    }

    // Sign-ins (not measured): PBKDF2 makes each take a fifth of a second.
    List<String> cookies = new ArrayList<>();
    ExecutorService signIns = Executors.newFixedThreadPool(4);
    var signedIn = new ArrayList<java.util.concurrent.Future<String>>();
    for (int i = 0; i < SIGNERS; i++) {
      String handle = prefix + "-" + i;
      signedIn.add(signIns.submit(() -> signIn(handle)));
    }
    for (var f : signedIn) {
      cookies.add(f.get());
    }
    signIns.shutdown();
    Path cookieFile = Files.write(WORK.resolve("cookies.txt"), cookies);

    var warm = wrkSign(cookieFile, warmUp, WARM_UP_SECONDS);
    System.out.printf(
        "%nBENCH warm-up (not measured): %.0f signatures/s over %d s%n",
        warm.perSecond(), WARM_UP_SECONDS);
    // Anonymous readers watch the pages of initiatives that the run will reach along the way.
    var watched = new ArrayList<Long>();
    for (int i = 10; i < Math.min(measured.size(), 160); i += 15) {
      watched.add(measured.get(i));
    }
    var watcher = new CountWatcher(PARVIS.baseUrl(), watched);
    watcher.start();
    if (PROFILE) {
      ReadBench.jcmd(DOMAIN, "JFR.start", "name=sign", "settings=profile");
    }
    var run = wrkSign(cookieFile, measured, MEASURED_SECONDS);
    if (PROFILE) {
      Path recording = WORK.resolve("signing.jfr");
      ReadBench.jcmd(DOMAIN, "JFR.stop", "name=sign", "filename=" + recording.toAbsolutePath());
      ReadBench.printProfile(recording, "signing");
    }
    System.out.printf(
        "BENCH signatures over HTTP: %d signers, %d s: %d signed, %.0f signatures/s, p50 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms, refused %d%n",
        SIGNERS,
        MEASURED_SECONDS,
        run.signed(),
        run.perSecond(),
        run.p50(),
        run.p99(),
        run.max(),
        run.refused());
    assertThat(run.refused()).isZero();

    // For comparison, the same signed-in load reading one initiative (GET, no write).
    var reads =
        wrk(
            List.of(
                "-H",
                "Cookie: " + cookies.get(0),
                PARVIS.baseUrl() + "/reseau/api/initiatives/" + measured.get(0)),
            15);
    System.out.printf(
        "BENCH reads over HTTP for comparison: GET /reseau/api/initiatives/{id}, %d connections:"
            + " %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n",
        SIGNERS, reads.perSecond(), reads.p50(), reads.p99());

    watcher.stop();
    reportPageLag(databases, watcher);

    // Every signature counted once: the roll-up (every 2 s) equals the rows, and the rows are
    // those wrk saw signed, plus at most one per connection still in flight when wrk stopped.
    Thread.sleep(5_000);
    long rows = 0;
    try (var db = databases.asNetwork(databases.network);
        var counts =
            db.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM initiative_signature WHERE initiative_id = i.id),"
                        + " i.signature_count FROM initiative i WHERE i.title LIKE"
                        + " 'Initiative de banc d''essai %'")
                .executeQuery()) {
      while (counts.next()) {
        assertThat(counts.getLong(2)).isEqualTo(counts.getLong(1));
        rows += counts.getLong(1);
      }
    }
    assertThat(rows).isBetween(run.signed(), run.signed() + SIGNERS);

    double raw = pgbench(databases);
    System.out.printf(
        "BENCH PostgreSQL raw single-row INSERT (pgbench, %d connections): %.0f inserts/s;"
            + " Parvis reaches %.0f %% of it%n%n",
        POOL, raw, 100 * run.perSecond() / raw);
  }

  /**
   * How long after an initiative's last signature its public page shows the final count, for the
   * watched initiatives that were signed during the run: the signature's time from the database,
   * the page's from the reader (one clock: the same machine).
   */
  private static void reportPageLag(PostgresqlDatabases databases, CountWatcher watcher)
      throws Exception {
    var lags = new ArrayList<Double>();
    try (var db = databases.asNetwork(databases.network);
        var last =
            db.prepareStatement(
                "SELECT COUNT(*), EXTRACT(EPOCH FROM MAX(signed_at)) * 1000 FROM"
                    + " initiative_signature WHERE initiative_id = ?")) {
      for (long initiative : watcher.initiatives) {
        last.setLong(1, initiative);
        try (var rs = last.executeQuery()) {
          rs.next();
          long count = rs.getLong(1);
          if (count == 0) {
            continue; // not reached by the run
          }
          Long shown = watcher.firstSeen(initiative, count);
          assertThat(shown)
              .as("the page of initiative %d never showed its %d signatures", initiative, count)
              .isNotNull();
          lags.add((shown - rs.getDouble(2)) / 1000);
        }
      }
    }
    assertThat(lags).as("initiatives signed while their pages were read").isNotEmpty();
    var each = lags.stream().map(l -> String.format("%.1f", l)).toList();
    lags.sort(null);
    double worst = lags.get(lags.size() - 1);
    System.out.printf(
        "BENCH public page of an initiative being signed: final count shown %.1f s (median) and"
            + " %.1f s (max) after its last signature (%s: within 5 s), %d initiatives, each page"
            + " reloaded by an anonymous reader every %d ms; each: %s s%n",
        lags.get(lags.size() / 2),
        worst,
        worst < 5 ? "yes" : "NO",
        lags.size(),
        CountWatcher.PERIOD_MILLIS,
        String.join(", ", each));
  }

  /**
   * Anonymous readers, one per initiative, who reload its public page during the signing run and
   * note when each count was first shown. They keep reading for 15 s after being told to stop, so
   * that the last counts have time to show.
   */
  static final class CountWatcher {
    static final int PERIOD_MILLIS = 250;
    private static final Pattern COUNT =
        Pattern.compile("<strong id=\"signatureCount\"[^>]*>([0-9\u00a0\u202f ,.]+)</strong>");
    final List<Long> initiatives;
    private final String base;
    private final Map<Long, Map<Long, Long>> firstSeen = new ConcurrentHashMap<>();
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Thread> readers = new ArrayList<>();
    private volatile long stopAt = Long.MAX_VALUE;

    CountWatcher(String base, List<Long> initiatives) {
      this.base = base;
      this.initiatives = List.copyOf(initiatives);
    }

    void start() {
      for (long initiative : initiatives) {
        var reader = new Thread(() -> watch(initiative), "count-watcher-" + initiative);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
      }
    }

    void stop() throws InterruptedException {
      stopAt = System.currentTimeMillis() + 15_000;
      for (var reader : readers) {
        reader.join();
      }
    }

    /** When the page of {@code initiative} first showed {@code count}, or null. */
    Long firstSeen(long initiative, long count) {
      return firstSeen.getOrDefault(initiative, Map.of()).get(count);
    }

    private void watch(long initiative) {
      var request =
          HttpRequest.newBuilder(
                  URI.create(base + "/reseau/initiatives/voir.xhtml?id=" + initiative))
              .GET()
              .build();
      while (System.currentTimeMillis() < stopAt) {
        try {
          var page = client.send(request, HttpResponse.BodyHandlers.ofString());
          Matcher count = COUNT.matcher(page.body());
          if (page.statusCode() == 200 && count.find()) {
            long shown = Long.parseLong(count.group(1).replaceAll("[^0-9]", ""));
            firstSeen
                .computeIfAbsent(initiative, i -> new ConcurrentHashMap<>())
                .putIfAbsent(shown, System.currentTimeMillis());
          }
          Thread.sleep(PERIOD_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (java.io.IOException e) {
          // A reader whose request failed under load reads again.
        }
      }
    }
  }

  /** Creates {@code count} published initiatives titled {@code title + n}; their ids in order. */
  private static List<Long> initiatives(
      java.sql.Connection db, String prefix, String title, int count) throws Exception {
    try (var insert =
        db.prepareStatement(
            "INSERT INTO initiative (id, author_id, title, description, theme, scope_kind,"
                + " scope_code, scope_name, commune_code, departement_code, region_code,"
                + " status, created_at, published_at, last_activity_at, revision)"
                + " SELECT nextval('initiative_id_seq'), m.id, ? || g, '<p>Banc d''essai.</p>',"
                + " 'TRANSPORT', 'COMMUNE', '23096', 'Guéret', '23096', '23', '75',"
                + " 'PUBLISHED', now(), now(), now(), 1 FROM member_account m,"
                + " generate_series(1, ?) g WHERE m.handle = ? ORDER BY g RETURNING id")) {
      insert.setString(1, title);
      insert.setInt(2, count);
      insert.setString(3, prefix + "-0");
      var ids = new ArrayList<Long>();
      try (var rows = insert.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      assertThat(ids).hasSize(count);
      return ids;
    }
  }

  /** What wrk reported for a signing run: rate, latencies in milliseconds, the script's counts. */
  record WrkRun(double perSecond, double p50, double p99, double max, long signed, long refused) {}

  private static WrkRun wrkSign(Path cookies, List<Long> initiatives, int seconds)
      throws Exception {
    Path ids =
        Files.write(
            WORK.resolve("initiatives-" + initiatives.get(0) + ".txt"),
            initiatives.stream().map(String::valueOf).toList());
    Path script =
        Path.of(System.getProperty("parvis.root"), "modules/server/src/test/bench/sign.lua");
    var run =
        wrk(
            List.of(
                "-s",
                script.toString(),
                PARVIS.baseUrl(),
                "--",
                cookies.toString(),
                ids.toString(),
                String.valueOf(WRK_THREADS)),
            seconds);
    assertThat(run.output())
        .as("every pair signed before the end: more initiatives are needed")
        .contains("EXHAUSTED 0");
    Matcher counts = Pattern.compile("SIGNED (\\d+) REFUSED (\\d+)").matcher(run.output());
    assertThat(counts.find()).as(run.output()).isTrue();
    return new WrkRun(
        run.perSecond(),
        run.p50(),
        run.p99(),
        run.max(),
        Long.parseLong(counts.group(1)),
        Long.parseLong(counts.group(2)));
  }

  /** wrk's figures and its whole output. */
  record WrkOutput(String output, double perSecond, double p50, double p99, double max) {}

  /** Runs wrk with 200 connections for {@code seconds}; fails on socket errors or non-2xx. */
  private static WrkOutput wrk(List<String> arguments, int seconds) throws Exception {
    return wrk(SIGNERS, arguments, seconds);
  }

  /**
   * Runs wrk with {@code connections} connections for {@code seconds}; fails on socket errors or
   * non-2xx answers.
   */
  static WrkOutput wrk(int connections, List<String> arguments, int seconds) throws Exception {
    var command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t",
                String.valueOf(WRK_THREADS),
                "-c",
                String.valueOf(connections),
                "-d",
                seconds + "s",
                "--timeout",
                "30s",
                "--latency"));
    command.addAll(arguments);
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(seconds + 120L, TimeUnit.SECONDS)).isTrue();
    System.out.println(output);
    assertThat(output).doesNotContain("Socket errors").doesNotContain("Non-2xx");
    Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
    assertThat(rate.find()).as(output).isTrue();
    return new WrkOutput(
        output,
        Double.parseDouble(rate.group(1)),
        latency(output, "\\s50%\\s+"),
        latency(output, "\\s99%\\s+"),
        latency(output, "Latency\\s+\\S+\\s+\\S+\\s+"));
  }

  /** A latency wrk printed after {@code label} (us, ms, s or m), in milliseconds. */
  static double latency(String output, String label) {
    Matcher value = Pattern.compile(label + "([0-9.]+)(us|ms|s|m)\\b").matcher(output);
    assertThat(value.find()).as(label + " in " + output).isTrue();
    double number = Double.parseDouble(value.group(1));
    return switch (value.group(2)) {
      case "us" -> number / 1000;
      case "ms" -> number;
      case "s" -> number * 1000;
      default -> number * 60_000;
    };
  }

  static void installWrk() throws Exception {
    var install =
        new ProcessBuilder(
                "bash",
                Path.of(
                        System.getProperty("parvis.root"),
                        "modules/server/src/test/install-debian.sh")
                    .toString(),
                "wrk")
            .inheritIO()
            .start();
    assertThat(install.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(install.exitValue()).as("install-debian.sh wrk").isZero();
  }

  /** Signs in through the form; returns the session cookie. */
  private static String signIn(String handle) {
    var cookies = new CookieManager();
    var client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String base = PARVIS.baseUrl() + "/reseau/connexion.xhtml";
    var page = send(client, HttpRequest.newBuilder(URI.create(base)).GET().build());
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(state.find()).isTrue();
    Matcher action =
        Pattern.compile("<form id=\"signin\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
    assertThat(action.find()).isTrue();
    String form =
        "signin=signin&email="
            + encode(handle + "@example.org")
            + "&password="
            + encode(PASSWORD)
            + "&submit=x&jakarta.faces.ViewState="
            + encode(state.group(1));
    var response =
        send(
            client,
            HttpRequest.newBuilder(
                    URI.create(PARVIS.baseUrl() + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
    return String.join(
        "; ",
        cookies.getCookieStore().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .toList());
  }

  /** pgbench, 15 s, a single-row INSERT like a signature's, with Parvis's pool size. */
  private static double pgbench(PostgresqlDatabases databases) throws Exception {
    try (var db = databases.asNetwork(databases.network)) {
      db.createStatement()
          .execute(
              "CREATE TABLE bench_raw_insert (initiative_id BIGINT NOT NULL, member_id BIGINT NOT"
                  + " NULL, signed_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY"
                  + " (initiative_id, member_id))");
    }
    var script = Files.createTempFile("pgbench", ".sql");
    Files.writeString(
        script,
        "\\set m random(1, 2000000000)\n"
            + "INSERT INTO bench_raw_insert VALUES (1, :m, now()) ON CONFLICT DO NOTHING;\n");
    var process =
        new ProcessBuilder(
                "pgbench",
                "-n",
                "-h",
                PostgresqlDatabases.HOST,
                "-p",
                String.valueOf(PostgresqlDatabases.PORT),
                "-U",
                databases.network,
                "-c",
                String.valueOf(POOL),
                "-j",
                "2",
                "-T",
                "15",
                "-f",
                script.toString(),
                databases.network)
            .redirectErrorStream(true);
    process.environment().put("PGPASSWORD", databases.networkPassword);
    var started = process.start();
    String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    started.waitFor(2, TimeUnit.MINUTES);
    System.out.println(output);
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
    assertThat(tps.find()).as(output).isTrue();
    return Double.parseDouble(tps.group(1));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
