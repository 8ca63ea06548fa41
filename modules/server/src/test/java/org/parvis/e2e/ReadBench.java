package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.security.PasswordHash;

/**
 * Anonymous readers of the deployed EAR on PostgreSQL, as when an initiative is shared widely: wrk
 * (Debian's, installed by src/test/install-debian.sh) keeps 50 connections busy on one address at a
 * time for 15 s (after 10 s of warm-up on every address), and each address's requests per second,
 * p50 and p99 are printed with their ratio to a static stylesheet measured in the same run. The
 * data set is RankingBench's, at the size asked ({@code -Dbench.members}, default 2,000 members,
 * 1,000 initiatives, 20,000 signatures; {@code -Dbench.members=1000000} gives 1,000,000 members,
 * 100,000 initiatives and 10,000,000 signatures); the initiative read is the most signed, with ten
 * comments and an official's answer written through the site.
 *
 * <p>With {@code -Dbench.profile=true}, the initiative page's run is recorded by Java Flight
 * Recorder in the server (jcmd) and the methods where the samples fall are printed: on their own
 * (self) and with what they call (total), for the libraries that render a page.
 *
 * <p>A benchmark, not a test: run it when asked,
 *
 * <pre>./mvnw verify -pl modules/server -Dit.test=ReadBench [-Dbench.members=1000000]
 *     [-Dbench.page-cache-seconds=0] [-Dbench.profile=true]</pre>
 */
class ReadBench {

  static final int CONNECTIONS = 50;
  static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 10);
  static final int MEMBERS = Integer.getInteger("bench.members", 2_000);
  static final boolean PROFILE = Boolean.getBoolean("bench.profile");
  private static final String PASSWORD = "un mot de passe de lecteur assidu";
  private static final String DOMAIN = "bench-read";
  private static final ParvisCommand PARVIS = new ParvisCommand(18395, DOMAIN);
  private static final Path WORK =
      Path.of(System.getProperty("parvis.buildDir", "target"), "bench-read");

  @Test
  void readersPerSecond() throws Exception {
    SignatureBench.installWrk();
    Mailbox.start();
    var databases = PostgresqlDatabases.create("parvis_readbench");
    try {
      var settings = new HashMap<>(databases.parvisSettings());
      settings.put("PARVIS_SMTP_HOST", "127.0.0.1");
      settings.put("PARVIS_SMTP_PORT", "18025");
      // -Dbench.page-cache-seconds=0 measures the pages rendered for every reader (no cache).
      String cache = System.getProperty("bench.page-cache-seconds");
      if (cache != null) {
        settings.put("PARVIS_NETWORK_PAGE_CACHE_SECONDS", cache);
      }
      assertThat(PARVIS.run("start", settings)).contains("Health: UP");
      Files.createDirectories(WORK);
      Reading reading;
      try (var db = databases.asNetwork(databases.network)) {
        int initiatives = Math.max(1_000, MEMBERS / 10);
        RankingBench.seed(db, MEMBERS, initiatives, MEMBERS * 10);
        // As autovacuum leaves a table some time after a bulk load: visibility maps set, so that
        // counts read the indexes only. The bench measures a settled database, not the load.
        long vacuum = System.nanoTime();
        db.setAutoCommit(true);
        db.createStatement().execute("VACUUM (ANALYZE)");
        System.out.printf(
            "%nBENCH data set vacuumed in %.1f s%n", (System.nanoTime() - vacuum) / 1e9);
        reading = reading(db);
      }
      debate(reading);
      measure(reading);
    } finally {
      PostgresqlDatabases.stopThenDrop(PARVIS, databases);
    }
  }

  /** What is read: the most signed initiative, its author, its commune. */
  record Reading(long initiative, String author, String commune) {}

  private static Reading reading(java.sql.Connection db) throws Exception {
    try (var rs =
        db.createStatement()
            .executeQuery(
                "SELECT i.id, m.handle, m.commune_code FROM initiative i JOIN member_account m"
                    + " ON m.id = i.author_id WHERE i.status = 'PUBLISHED'"
                    + " ORDER BY i.signature_count DESC, i.id LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      var reading = new Reading(rs.getLong(1), rs.getString(2), rs.getString(3));
      // A reader who may comment: a password of their own (the seeded ones have none).
      try (var update =
          db.prepareStatement("UPDATE member_account SET password_hash = ? WHERE handle = ?")) {
        update.setString(1, PasswordHash.hash(PASSWORD.toCharArray()));
        update.setString(2, reading.author());
        update.executeUpdate();
      }
      return reading;
    }
  }

  /** Ten comments on the initiative, written through the site as its author would. */
  private static void debate(Reading reading) {
    var author = WebSession.member(PARVIS.baseUrl(), reading.author() + "@example.org", PASSWORD);
    String page = "/reseau/initiatives/voir.xhtml?id=" + reading.initiative();
    for (int i = 0; i < 10; i++) {
      author.get(page);
      var posted =
          author.submit(
              "comment",
              "comment:post",
              Map.of(
                  "comment:stance",
                  i % 3 == 0 ? "AGAINST" : "FOR",
                  "comment:body",
                  "Un avis argumenté numéro "
                      + i
                      + " sur cette initiative, assez long pour"
                      + " ressembler à un vrai commentaire de citoyen."));
      assertThat(posted.statusCode()).isLessThan(400);
    }
  }

  private static void measure(Reading reading) throws Exception {
    var addresses = new LinkedHashMap<String, String>();
    addresses.put("static stylesheet", "/reseau/jakarta.faces.resource/parvis.css.xhtml?ln=parvis");
    addresses.put("brand home", "/");
    addresses.put("initiative JSON", "/reseau/api/initiatives/" + reading.initiative());
    addresses.put("initiative page", "/reseau/initiatives/voir.xhtml?id=" + reading.initiative());
    addresses.put("initiative list", "/reseau/initiatives/");
    addresses.put(
        "territory page", "/reseau/territoires/voir.xhtml?type=COMMUNE&code=" + reading.commune());
    addresses.put("profile", "/reseau/membres/profil.xhtml?pseudo=" + reading.author());
    addresses.put("network home", "/reseau/");
    // The server has just started: every address is read first, so that the measured runs find
    // the code compiled (JIT) and the pools filled, whatever their order.
    for (String address : addresses.values()) {
      SignatureBench.wrk(CONNECTIONS, List.of(PARVIS.baseUrl() + address), WARM_UP_SECONDS);
    }
    double staticRate = 0;
    var lines = new ArrayList<String>();
    for (var address : addresses.entrySet()) {
      var run =
          SignatureBench.wrk(CONNECTIONS, List.of(PARVIS.baseUrl() + address.getValue()), SECONDS);
      if (staticRate == 0) {
        staticRate = run.perSecond();
      }
      lines.add(
          String.format(
              "BENCH read %-18s %s: %,.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, %.0f %%"
                  + " of the static stylesheet's rate (%d members, %d connections, %d s, page cache"
                  + " %s)",
              address.getKey(),
              address.getValue(),
              run.perSecond(),
              run.p50(),
              run.p99(),
              run.max(),
              100 * run.perSecond() / staticRate,
              MEMBERS,
              CONNECTIONS,
              SECONDS,
              System.getProperty("bench.page-cache-seconds", "default")));
    }
    if (PROFILE) {
      // A run of its own, after the measured ones: the recording costs the server some speed.
      jcmd(DOMAIN, "JFR.start", "name=read", "settings=profile");
      SignatureBench.wrk(
          CONNECTIONS, List.of(PARVIS.baseUrl() + addresses.get("initiative page")), SECONDS);
      Path recording = WORK.resolve("initiative-page.jfr");
      jcmd(DOMAIN, "JFR.stop", "name=read", "filename=" + recording.toAbsolutePath());
      printProfile(recording, "the initiative page");
    }
    System.out.println();
    lines.forEach(System.out::println);
    System.out.println();
  }

  /** Runs a diagnostic command in a bench's server, found by its domain folder's name. */
  static String jcmd(String domain, String... command) throws Exception {
    var pgrep = new ProcessBuilder("pgrep", "-f", domain + "/domains").start();
    String pid = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(pid).as("the bench server's process").matches("\\d+");
    var arguments = new ArrayList<>(List.of("jcmd", pid));
    arguments.addAll(List.of(command));
    var process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** Where the recorded CPU samples fall: top methods by self and by total, and by library. */
  static void printProfile(Path recording, String what) throws Exception {
    var process =
        new ProcessBuilder(
                "jfr",
                "print",
                "--events",
                "jdk.ExecutionSample",
                "--stack-depth",
                "256",
                recording.toString())
            .redirectErrorStream(true)
            .start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    var frame = Pattern.compile("^\\s+([\\w$.<>]+)\\(.*\\)\\s+line:", Pattern.MULTILINE);
    var self = new HashMap<String, Integer>();
    var total = new HashMap<String, Integer>();
    var libraries = new HashMap<String, Integer>();
    int samples = 0;
    for (String event : text.split("jdk.ExecutionSample \\{")) {
      if (!event.contains("http-thread-pool")) {
        continue; // the request threads only, not the jobs or the compiler
      }
      var matcher = frame.matcher(event);
      var methods = new ArrayList<String>();
      while (matcher.find()) {
        methods.add(matcher.group(1));
      }
      if (methods.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(methods.get(0), 1, Integer::sum);
      methods.stream().distinct().forEach(m -> total.merge(m, 1, Integer::sum));
      methods.stream()
          .map(ReadBench::library)
          .distinct()
          .forEach(l -> libraries.merge(l, 1, Integer::sum));
    }
    int all = Math.max(1, samples);
    System.out.printf("%nBENCH profile of %s: %d samples on request threads%n", what, all);
    print("self", self, all, 25);
    print("total, Parvis's own methods", filter(total, "org.parvis."), all, 25);
    print("total, by library (a sample counts once per library on its stack)", libraries, all, 20);
  }

  private static Map<String, Integer> filter(Map<String, Integer> counts, String prefix) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static void print(String title, Map<String, Integer> counts, int all, int top) {
    System.out.println("BENCH profile, " + title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "BENCH   %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
  }

  /** The library a method belongs to, by its package. */
  private static String library(String method) {
    for (String prefix :
        List.of(
            "org.parvis.",
            "com.sun.faces.",
            "jakarta.faces.",
            "org.glassfish.expressly.",
            "jakarta.el.",
            "org.jboss.weld.",
            "org.eclipse.persistence.",
            "org.postgresql.",
            "com.ibm.icu.",
            "org.owasp.",
            "java.util.ResourceBundle",
            "java.util.regex.",
            "org.glassfish.grizzly.",
            "org.apache.catalina.")) {
      if (method.startsWith(prefix)) {
        return prefix;
      }
    }
    return "other";
  }
}
