package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on every public form and GET parameter, found by crawling the deployed EAR's pages
 * (not from a hand-kept list): control characters, invalid UTF-8, a megabyte, unknown enum values,
 * malformed view states. Parvis must answer each with something other than a server error, and
 * every feed must still be valid XML afterwards.
 */
class FuzzIT {

  /** Where the crawl starts: the two sites' home pages and their sign-up forms. */
  private static final List<String> SEEDS =
      List.of("/", "/reseau/", "/reseau/inscription.xhtml", "/reseau/connexion.xhtml");

  private static final int MAX_PAGES = 70;
  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  private HttpClient client = client(new java.net.CookieManager());

  private static HttpClient client(java.net.CookieManager cookies) {
    return HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static final List<String> VALUES =
      List.of(
          "\u0000\u0001\u000b\u001b\u0085 contrôle",
          "NOPE_UNKNOWN",
          "-1",
          "99999999999999999999",
          "<script>alert(1)</script>'\"",
          "a".repeat(6_000));

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void noPublicFormOrParameterAnswersAServerError() throws Exception {
    // Something to find: a member with an initiative and a comment (pages, profile, feeds).
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "fuzz-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(handle);
    long initiative = InitiativesIT.propose(member, "Un composteur de quartier " + id);
    member.get("/reseau/initiatives/voir.xhtml?id=" + initiative);
    member.submit(
        "comment", "comment:post", Map.of("comment:stance", "FOR", "comment:body", "Oui " + id));

    int requests = fuzz(SEEDS, "anonymous", Site.PUBLIC);
    // The same, signed in: the member's own pages and the forms of the network's pages.
    client = client(member.cookies);
    requests +=
        fuzz(
            List.of(
                "/reseau/compte/",
                "/reseau/compte/initiative.xhtml",
                "/reseau/initiatives/voir.xhtml?id=" + initiative,
                "/reseau/membres/profil.xhtml?pseudo=" + handle),
            "signed in",
            Site.PUBLIC);
    System.out.println("FUZZ " + requests + " hostile requests in all");

    for (String feed :
        List.of(
            "/reseau/flux/initiatives",
            "/reseau/flux/themes/TRANSPORT",
            "/reseau/flux/territoires/COMMUNE/23096",
            "/reseau/flux/membres/" + handle,
            "/flux/actualites")) {
      for (String type : List.of(".atom", ".rss")) {
        var response = send("GET", feed + type, null, null);
        assertThat(response.statusCode()).as(feed + type).isEqualTo(200);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
      }
    }
  }

  /**
   * The console, signed in as an administrator of its own: every page the crawl reaches from the
   * dashboard, every GET parameter and filter form with hostile values, and every posted form with
   * each field hostile and malformed view states. Posted forms are sent without their button, so
   * that Faces decodes, converts and validates every field (where a server error would come from)
   * but runs no action: the fuzz publishes, erases, signs out or mails nothing that other tests
   * read.
   */
  @Test
  void noConsoleFormOrParameterAnswersAServerError() {
    String id = Long.toString(System.nanoTime() % 100_000);
    var administrator = Administrator.newStaff("fuzz-admin-" + id, "administrator");
    client = client(administrator.cookies);
    int requests =
        fuzz(
            List.of(
                "/console/staff/",
                "/console/staff/admin/audit.xhtml?cote=network&page=2",
                "/console/staff/?periode=30j"),
            "console",
            Site.CONSOLE);
    System.out.println("FUZZ console: " + requests + " hostile requests");
    assertThat(send("GET", "/console/staff/", null, null).statusCode())
        .as("the administrator is still signed in: no action ran")
        .isEqualTo(200);
  }

  /** Which part of Parvis a crawl stays in. */
  private enum Site {
    /** The brand site and the network, forms posted with their button. */
    PUBLIC,
    /** The console's staff pages, posted forms sent without their button. */
    CONSOLE
  }

  /** Crawls from the seeds, then sends hostile values everywhere; returns how many requests. */
  private int fuzz(List<String> seeds, String who, Site site) {
    var pages = new LinkedHashMap<String, String>();
    var queue = new ArrayDeque<>(seeds);
    var seen = new LinkedHashSet<>(seeds);
    while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
      String path = queue.poll();
      var response = send("GET", path, null, null);
      if (response.statusCode() != 200
          || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      pages.put(path, response.body());
      for (var link : Jsoup.parse(response.body()).select("a[href]")) {
        String href = local(link.attr("href"), site);
        if (href != null && seen.add(href)) {
          queue.add(href);
        }
      }
    }
    assertThat(pages).as(who).hasSizeGreaterThan(seeds.size());

    var failures = new ArrayList<String>();
    int requests = 0;
    // Every GET parameter seen in a link, with each hostile value, and raw bytes that are not
    // UTF-8.
    var parameters = new LinkedHashMap<String, Set<String>>();
    for (String path : seen) {
      int q = path.indexOf('?');
      if (q > 0) {
        for (String pair : path.substring(q + 1).split("&")) {
          parameters
              .computeIfAbsent(path.substring(0, q), p -> new LinkedHashSet<>())
              .add(pair.split("=", 2)[0]);
        }
      }
    }
    for (var entry : parameters.entrySet()) {
      for (String name : entry.getValue()) {
        for (String value : VALUES) {
          String target = entry.getKey() + "?" + name + "=" + encode(value);
          requests++;
          check(failures, "GET " + target, send("GET", target, null, null));
        }
        String raw = entry.getKey() + "?" + name + "=%FF%FE%C3";
        requests++;
        check(failures, "GET " + raw, send("GET", raw, null, null));
      }
    }
    // Every form of every page: each field in turn replaced by each hostile value, then the view
    // state replaced by malformed ones.
    for (var page : pages.entrySet()) {
      int forms = Jsoup.parse(page.getValue()).select("form").size();
      for (int f = 0; f < forms; f++) {
        var form = Jsoup.parse(page.getValue()).select("form").get(f);
        String action =
            local(form.attr("action").isEmpty() ? page.getKey() : form.attr("action"), site);
        if (action == null) {
          continue;
        }
        boolean post = "post".equalsIgnoreCase(form.attr("method"));
        for (String field : defaults(form, post && site == Site.CONSOLE).keySet()) {
          if (field.equals(VIEW_STATE)) {
            continue;
          }
          // The page again, so that the view state is this session's and fresh.
          var fresh = Jsoup.parse(send("GET", page.getKey(), null, null).body()).select("form");
          var base = defaults(fresh.size() > f ? fresh.get(f) : form, post && site == Site.CONSOLE);
          for (String value : post ? withMegabyte() : VALUES) {
            var fields = new LinkedHashMap<>(base);
            fields.put(field, value);
            requests++;
            check(
                failures,
                (post ? "POST " : "GET ") + action + " " + field,
                submit(post, action, fields));
          }
        }
        var base = defaults(form, site == Site.CONSOLE);
        if (post && base.containsKey(VIEW_STATE)) {
          for (String state : List.of("stateless", "", "AAAA", "-1:-1", "\u0000")) {
            var fields = new LinkedHashMap<>(base);
            fields.put(VIEW_STATE, state);
            requests++;
            check(
                failures, "POST " + action + " view state " + state, submit(true, action, fields));
          }
        }
      }
    }
    System.out.println("FUZZ " + who + ": " + pages.size() + " pages, " + requests + " requests");
    assertThat(failures).as(who + ", " + requests + " hostile requests").isEmpty();
    return requests;
  }

  private static List<String> withMegabyte() {
    var values = new ArrayList<>(VALUES);
    values.add("m".repeat(1024 * 1024));
    return values;
  }

  private static void check(List<String> failures, String what, HttpResponse<String> response) {
    if (response.statusCode() >= 500) {
      failures.add(response.statusCode() + " " + what.substring(0, Math.min(200, what.length())));
    }
  }

  /**
   * The values a browser would send for the form as shown: hidden fields, defaults, and one button
   * unless {@code withoutButton}.
   */
  private static Map<String, String> defaults(Element form, boolean withoutButton) {
    var fields = new LinkedHashMap<String, String>();
    for (var input : form.select("input[name], textarea[name], select[name]")) {
      String type = input.attr("type");
      if (type.equals("file") || type.equals("submit") || type.equals("image")) {
        continue;
      }
      if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
        continue;
      }
      String value =
          input.tagName().equals("select")
              ? input.select("option").stream().findFirst().map(o -> o.attr("value")).orElse("")
              : input.tagName().equals("textarea") ? input.text() : input.val();
      fields.putIfAbsent(input.attr("name"), value);
    }
    var button = form.selectFirst("input[type=submit][name], button[name]");
    if (button != null && !withoutButton) {
      fields.put(button.attr("name"), "x");
    }
    return fields;
  }

  private HttpResponse<String> submit(boolean post, String action, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return post
        ? send("POST", action, body, "application/x-www-form-urlencoded")
        : send("GET", action + (action.contains("?") ? "&" : "?") + body, null, null);
  }

  /**
   * A path of this Parvis in the site crawled and worth crawling, or null (other sites, the other
   * part of Parvis, downloads).
   */
  private static String local(String href, Site site) {
    if (href == null || href.isEmpty() || href.startsWith("#") || href.startsWith("mailto:")) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(Http.baseUrl()).resolve(href.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!URI.create(Http.baseUrl()).getAuthority().equals(uri.getRawAuthority())) {
      return null;
    }
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    boolean inSite =
        site == Site.CONSOLE ? path.startsWith("/console/staff/") : !path.startsWith("/console");
    if (!inSite
        || path.startsWith("/medias/")
        || path.contains("jakarta.faces.resource")
        || path.contains("lang=")
        || path.endsWith(".ics")
        || path.endsWith(".zip")
        || path.contains(".csv")
        || path.contains(".svg")) {
      return null;
    }
    return path;
  }

  private HttpResponse<String> send(String method, String path, String body, String type) {
    return Http.raw(
        client, method, path, type == null ? Map.of() : Map.of("Content-Type", type), body);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
