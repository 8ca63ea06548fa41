package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network's public pages as anonymous readers share them (rendered once, served many times, see
 * ReaderPages): a second reader gets the first one's page without rendering, a reader who holds it
 * gets 304 without a body; what changes shows at once (a comment, a mandate granted, that is a
 * record written through the site) or within the freshness (a signature count); members never get a
 * shared page, nor readers of another language.
 */
class PageCacheIT {

  private static final String PASSWORD = InitiativesIT.PASSWORD;

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  private static HttpResponse<String> read(String path, String... headers) {
    return Http.get(Http.baseUrl() + path, headers);
  }

  /**
   * A read served from a shared page: a write forgets pages at once and again half a second later
   * (after its commit), so the first reads after a write may be rendered.
   */
  private static HttpResponse<String> shared(String path) {
    return Awaitility.await("a shared copy of " + path)
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> read(path), r -> cache(r).equals("hit"));
  }

  /** How many times pages were forgotten (the diagnostics header the e2e server sends). */
  private static long generation(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("X-Parvis-Cache-Generation").orElseThrow());
  }

  /**
   * Reads a page right after a write: it must show {@code expected}, and pages must have been
   * forgotten since {@code before} was served (not merely gone stale).
   */
  private static void forgottenAndShown(String path, HttpResponse<String> before, String expected) {
    var after = read(path);
    assertThat(after.body())
        .as(
            "%s after the write: %s, generation %s (before %s), age %s",
            path,
            cache(after),
            after.headers().firstValue("X-Parvis-Cache-Generation").orElse("?"),
            before.headers().firstValue("X-Parvis-Cache-Generation").orElse("?"),
            after.headers().firstValue("Age").orElse("?"))
        .contains(expected);
    assertThat(generation(after))
        .as("pages forgotten by the write")
        .isGreaterThan(generation(before));
  }

  private static String cache(HttpResponse<String> response) {
    return response.headers().firstValue("X-Parvis-Cache").orElse("");
  }

  @Test
  void readersShareOnePageAndThoseWhoHoldItGetNotModified() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "partage-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    long initiative =
        InitiativesIT.propose(InitiativesIT.signIn(author), "Une page lue par tous " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;

    var first = read(page);
    assertThat(first.statusCode()).isEqualTo(200);
    var second = shared(page);
    assertThat(second.body()).contains("Une page lue par tous " + id);
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertThat(read(page).body()).isEqualTo(second.body());
    assertThat(second.headers().firstValue("Cache-Control").orElseThrow())
        .contains("public", "max-age=", "stale-while-revalidate=");
    assertThat(second.headers().firstValue("Vary").orElseThrow()).contains("Cookie");
    assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(second.headers().firstValue("Content-Security-Policy"))
        .as("the security headers go with a shared page too")
        .isPresent();
    assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();

    var held = read(page, "If-None-Match", etag);
    assertThat(held.statusCode()).isEqualTo(304);
    assertThat(held.body()).isEmpty();
    assertThat(cache(held)).isEqualTo("hit");
    assertThat(read(page, "If-None-Match", "\"autre\"").statusCode()).isEqualTo(200);

    var english = read(page, "Accept-Language", "en-GB,en;q=0.8");
    assertThat(Jsoup.parse(english.body()).selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(Jsoup.parse(read(page).body()).selectFirst("html").attr("lang")).isEqualTo("fr");
    assertThat(english.headers().firstValue("ETag"))
        .isPresent()
        .isNotEqualTo(java.util.Optional.of(etag));

    // A HEAD is answered from the shared page without a body.
    var head =
        Awaitility.await("a HEAD answered from the shared page")
            .atMost(Duration.ofSeconds(5))
            .until(() -> Http.raw("HEAD", page, Map.of(), null), r -> cache(r).equals("hit"));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();

    // A Faces partial request answers that request alone: never shared with readers.
    var partial = read(page + "&x=" + id, "Faces-Request", "partial/ajax");
    assertThat(cache(partial)).isEmpty();
    var next = read(page + "&x=" + id);
    assertThat(next.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(next.body()).contains("Une page lue par tous " + id);
  }

  @Test
  void whatIsWrittenThroughTheSiteShowsAtOnceAndCountsWithinTheFreshness() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "change-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    var writer = InitiativesIT.signIn(author);
    long initiative = InitiativesIT.propose(writer, "Une page qui change " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    String profile = "/reseau/membres/profil.xhtml?pseudo=" + author;
    var before = shared(page);

    // A comment: the next reader sees it.
    writer.get(page);
    writer.submit(
        "comment",
        "comment:post",
        Map.of("comment:stance", "FOR", "comment:body", "Un avis tout frais " + id));
    forgottenAndShown(page, before, "Un avis tout frais " + id);

    // The initiative edited by its author: the next reader reads the new title.
    before = shared(page);
    writer.get("/reseau/compte/initiative.xhtml?id=" + initiative);
    var edited =
        writer.submit(
            "initiative",
            "publish",
            Map.of(
                "title", "Une page qui a changé " + id,
                "description", "<p>Une description reprise, assez longue pour être acceptée.</p>",
                "theme", "TRANSPORT",
                "signatureGoal", "100",
                "deadline", ""));
    assertThat(edited.statusCode()).isIn(302, 303);
    forgottenAndShown(page, before, "Une page qui a changé " + id);
    assertThat(read(page).body()).doesNotContain("Une page qui change " + id);

    // A mandate granted in the console: the member's profile shows it at once.
    before = shared(profile);
    var admin = Administrator.signedIn();
    admin.get("/console/staff/admin/officials.xhtml");
    admin.submit(
        "grant",
        "grantSubmit",
        Map.of(
            "handle",
            author,
            "mandateTitle",
            "Adjointe au maire de Guéret " + id,
            "territoryKind",
            "COMMUNE",
            "territoryCode",
            "23096",
            "endsOn",
            LocalDate.now().plusYears(2).toString()));
    forgottenAndShown(profile, before, "Adjointe au maire de Guéret " + id);

    // A signature: counted by the roll-up (every 2 s), shown within the page's freshness (2 s).
    long counted = count(read(page).body());
    var signer = "signe-" + id;
    MemberAccountsIT.registerAndConfirm(signer, signer + "@example.org", PASSWORD);
    InitiativesIT.signIn(signer)
        .call(
            "POST",
            "/reseau/api/initiatives/" + initiative + "/signature",
            "X-Requested-With",
            "test");
    long signedAt = System.nanoTime();
    Awaitility.await("the count on the shared page")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> count(read(page).body()) == counted + 1);
    double seconds = (System.nanoTime() - signedAt) / 1e9;
    assertThat(seconds).as("seconds until a reader sees the signature").isLessThan(5);
  }

  @Test
  void membersNeverGetASharedPageNorReadersAMembersPage() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "membre-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    var member = InitiativesIT.signIn(author);
    long initiative = InitiativesIT.propose(member, "Une page vue par une membre " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    member.get(page);
    member.submit(
        "comment", "comment:post", Map.of("comment:stance", "FOR", "comment:body", "Mon avis"));
    shared(page);

    var theirs = member.get(page);
    assertThat(cache(theirs)).as("a member's page is rendered for them").isEmpty();
    assertThat(theirs.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(Jsoup.parse(theirs.body()).select(".report-link, .appeal-link")).isNotEmpty();

    var shared = read(page);
    assertThat(Jsoup.parse(shared.body()).select(".report-link, .appeal-link"))
        .as("nothing of the member's page reaches readers")
        .isEmpty();
  }

  /** The signature count a page shows. */
  private static long count(String body) {
    return Long.parseLong(Jsoup.parse(body).select("#signatureCount").text().replaceAll("\\D", ""));
  }
}
