package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.security.PasswordHash;

/**
 * Signing throughput of the deployed EAR on PostgreSQL, measured the same way each time, next to
 * the raw single-row insert rate of the same PostgreSQL measured in the same run with pgbench.
 *
 * <p>A second Parvis runs on two fresh PostgreSQL databases (port 18380). 200 members (written
 * straight into the network database, then signed in through the real form) each sign 50
 * initiatives through {@code POST /reseau/api/initiatives/{id}/signature}, all 200 at once and in
 * the same order, so that every initiative is signed by 200 members at the same moment: 10,000
 * signatures over HTTP. Reported: signatures per second, p50 and p99 latency, then pgbench's
 * transactions per second for a single-row INSERT of the same shape with as many connections as
 * Parvis's pool (32). Afterwards the count must equal the rows. A benchmark, not a test: it runs
 * only when asked (CI does not):
 *
 * <pre>./mvnw verify -pl modules/server -Dit.test=SignatureBench</pre>
 */
class SignatureBench {

  static final int SIGNERS = 200;
  static final int INITIATIVES = 50;
  static final int POOL = 32;
  private static final String PASSWORD = "une signature pour la ligne de train";
  private static final ParvisCommand PARVIS = new ParvisCommand(18380, "bench-postgresql");

  @Test
  void signaturesPerSecond() throws Exception {
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
    String prefix = "b" + System.nanoTime() % 100_000;
    long[] initiatives = new long[INITIATIVES];
    long[] warmUp = new long[1];
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
      try (var insert =
          db.prepareStatement(
              "INSERT INTO initiative (id, author_id, title, description, theme, scope_kind,"
                  + " scope_code, scope_name, commune_code, departement_code, region_code,"
                  + " status, created_at, published_at, last_activity_at, revision)"
                  + " SELECT nextval('initiative_id_seq'), id, ?, '<p>Banc d''essai.</p>',"
                  + " 'TRANSPORT', 'COMMUNE', '23096', 'Guéret', '23096', '23', '75',"
                  + " 'PUBLISHED', now(), now(), now(), 1 FROM member_account WHERE handle = ?"
                  + " RETURNING id")) {
        for (int i = 0; i <= INITIATIVES; i++) {
          insert.setString(1, i < INITIATIVES ? "Initiative de banc d'essai " + i : "Échauffement");
          insert.setString(2, prefix + "-0");
          try (var rows = insert.executeQuery()) {
            rows.next();
            if (i < INITIATIVES) {
              initiatives[i] = rows.getLong(1);
            } else {
              warmUp[0] = rows.getLong(1);
            }
          }
        }
      }
    }

    // Sign-ins (not measured): PBKDF2 makes each take a fifth of a second.
    List<String> clients = new ArrayList<>();
    ExecutorService signIns = Executors.newFixedThreadPool(4);
    var signedIn = new ArrayList<java.util.concurrent.Future<String>>();
    for (int i = 0; i < SIGNERS; i++) {
      String handle = prefix + "-" + i;
      signedIn.add(signIns.submit(() -> signIn(handle)));
    }
    for (var f : signedIn) {
      clients.add(f.get());
    }
    signIns.shutdown();

    // Warm-up (not measured): every signer signs and withdraws one initiative, 20 at a time.
    ExecutorService warm = Executors.newFixedThreadPool(20);
    var warming = new ArrayList<java.util.concurrent.Future<?>>();
    for (String client : clients) {
      warming.add(
          warm.submit(
              () -> {
                sign(client, warmUp[0]);
                send(
                    SHARED,
                    HttpRequest.newBuilder(
                            URI.create(
                                PARVIS.baseUrl()
                                    + "/reseau/api/initiatives/"
                                    + warmUp[0]
                                    + "/signature"))
                        .header("X-Requested-With", "bench")
                        .header("Cookie", client)
                        .DELETE()
                        .build());
              }));
    }
    for (var f : warming) {
      f.get();
    }
    warm.shutdown();

    long[] nanos = new long[SIGNERS * INITIATIVES];
    var index = new AtomicInteger();
    var failures = new AtomicInteger();
    ExecutorService signers = Executors.newFixedThreadPool(SIGNERS);
    var start = new CountDownLatch(1);
    var done = new CountDownLatch(SIGNERS);
    for (String client : clients) {
      signers.submit(
          () -> {
            try {
              start.await();
              for (long initiative : initiatives) {
                long t0 = System.nanoTime();
                int status = sign(client, initiative);
                nanos[index.getAndIncrement()] = System.nanoTime() - t0;
                if (status != 204) {
                  failures.incrementAndGet();
                }
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              done.countDown();
            }
            return null;
          });
    }
    long begin = System.nanoTime();
    start.countDown();
    assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
    long elapsed = System.nanoTime() - begin;
    signers.shutdown();

    Arrays.sort(nanos);
    int total = SIGNERS * INITIATIVES;
    double perSecond = total / (elapsed / 1e9);
    System.out.printf(
        "%nBENCH signatures over HTTP: %d signers x %d initiatives = %d in %.2f s: %.0f"
            + " signatures/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d%n",
        SIGNERS,
        INITIATIVES,
        total,
        elapsed / 1e9,
        perSecond,
        nanos[total / 2] / 1e6,
        nanos[(int) (total * 0.99)] / 1e6,
        nanos[total - 1] / 1e6,
        failures.get());

    // For comparison, the same signers read one initiative (GET, no write) as many times.
    var reads = new AtomicInteger();
    ExecutorService readers = Executors.newFixedThreadPool(SIGNERS);
    var go = new CountDownLatch(1);
    var finished = new CountDownLatch(SIGNERS);
    for (String client : clients) {
      readers.submit(
          () -> {
            try {
              go.await();
              for (long initiative : initiatives) {
                var response =
                    send(
                        SHARED,
                        HttpRequest.newBuilder(
                                URI.create(
                                    PARVIS.baseUrl() + "/reseau/api/initiatives/" + initiative))
                            .header("Cookie", client)
                            .GET()
                            .build());
                if (response.statusCode() == 200) {
                  reads.incrementAndGet();
                }
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              finished.countDown();
            }
            return null;
          });
    }
    long readStart = System.nanoTime();
    go.countDown();
    assertThat(finished.await(10, TimeUnit.MINUTES)).isTrue();
    long readElapsed = System.nanoTime() - readStart;
    readers.shutdown();
    System.out.printf(
        "BENCH reads over HTTP for comparison: %d GET /reseau/api/initiatives/{id} in %.2f s: %.0f"
            + " requests/s%n",
        reads.get(), readElapsed / 1e9, reads.get() / (readElapsed / 1e9));

    // Every signature counted once.
    Thread.sleep(5_000);
    try (var db = databases.asNetwork(databases.network);
        var counts =
            db.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM initiative_signature WHERE initiative_id = i.id),"
                        + " i.signature_count FROM initiative i WHERE i.title LIKE"
                        + " 'Initiative de banc d''essai %'")
                .executeQuery()) {
      while (counts.next()) {
        assertThat(counts.getLong(2)).isEqualTo(counts.getLong(1)).isEqualTo(SIGNERS);
      }
    }

    double raw = pgbench(databases);
    System.out.printf(
        "BENCH PostgreSQL raw single-row INSERT (pgbench, %d connections): %.0f inserts/s;"
            + " Parvis reaches %.0f %% of it%n%n",
        POOL, raw, 100 * perSecond / raw);
  }

  /**
   * One client for all signers, each request carrying its signer's session cookie: 200 clients
   * would bring 200 selector threads onto the same two cores as the server.
   */
  private static final HttpClient SHARED =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

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

  private static int sign(String cookie, long initiative) {
    return send(
            SHARED,
            HttpRequest.newBuilder(
                    URI.create(
                        PARVIS.baseUrl() + "/reseau/api/initiatives/" + initiative + "/signature"))
                .header("X-Requested-With", "bench")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60))
                .build())
        .statusCode();
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
    var script = java.nio.file.Files.createTempFile("pgbench", ".sql");
    java.nio.file.Files.writeString(
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
