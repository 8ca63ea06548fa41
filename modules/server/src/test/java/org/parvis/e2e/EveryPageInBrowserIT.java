package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * Every page of the three sites in a real browser (Debian's Chromium), as a reader, a member who is
 * also an official, and the administrator, on a phone (390 px) and a desktop (1280 px): the page is
 * never wider than the screen, the browser reports no error, nothing is requested from another
 * origin, axe-core finds no WCAG 2.1 A/AA violation, and the Nu HTML Checker no error. The pages
 * come from the sources ({@link SitePages}); their addresses from the sites' own links, after a
 * journey that gives every kind of page something to show (an initiative with a counter-initiative,
 * an official's answer and a debate). Screenshots of the main pages are written under
 * target/screenshots/ at both widths.
 */
class EveryPageInBrowserIT {

  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");
  private static final String PASSWORD = "des pages lisibles sur tous les écrans";
  private static final int[] WIDTHS = {390, 1280};

  /** Pages shown in the screenshots, by name. */
  private static final Map<String, String> SCREENSHOTS = new LinkedHashMap<>();

  private static final HtmlChecker HTML = new HtmlChecker();

  private static ChromeDriver browser;
  private static String member;
  private static String official;
  private static WebSession mayorSession;
  private static long initiative;
  private static long event;

  @BeforeAll
  static void journey() throws Exception {
    Mailbox.start();
    String id = Long.toString(System.nanoTime() % 1_000_000);
    member = "vitrine-" + id;
    official = "mairesse-" + id;
    MemberAccountsIT.registerAndConfirm(member, member + "@example.org", PASSWORD);
    MemberAccountsIT.registerAndConfirm(official, official + "@example.org", PASSWORD);
    var admin = Administrator.signedIn();
    admin.get("/console/staff/admin/officials.xhtml");
    admin.submit(
        "grant",
        "grantSubmit",
        Map.of(
            "handle", official,
            "mandateTitle", "Maire de Guéret",
            "territoryKind", "COMMUNE",
            "territoryCode", "23096",
            "endsOn", LocalDate.now().plusYears(3).toString()));

    var writer = WebSession.member(Http.baseUrl(), member + "@example.org", PASSWORD);
    writer.get("/reseau/compte/initiative.xhtml");
    var published =
        writer.submit(
            "initiative",
            "publish",
            InitiativesIT.proposal(
                "Des bancs et de l’ombre sur la place du marché " + id,
                "<p>Des bancs à l’ombre pour que chacun puisse s’asseoir, "
                    + "<strong>les aînés d’abord</strong>.</p>",
                "23096"));
    var matcher = ID.matcher(published.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).as(published.body()).isTrue();
    initiative = Long.parseLong(matcher.group(1));
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    writer.get(page);
    writer.submit("actions", "actions:sign", Map.of());
    writer.get(page);
    writer.submit(
        "comment",
        "comment:post",
        Map.of(
            "comment:stance",
            "FOR",
            "comment:body",
            "Les bancs actuels sont au soleil toute l’après-midi, personne ne s’y assoit."));
    // Something for the moderation queue's screenshot: an insult screening hides at once.
    var heckler = "chahut-" + id;
    MemberAccountsIT.registerAndConfirm(heckler, heckler + "@example.org", PASSWORD);
    var hecklerSession = WebSession.member(Http.baseUrl(), heckler + "@example.org", PASSWORD);
    hecklerSession.get(page);
    hecklerSession.submit(
        "comment",
        "comment:post",
        Map.of(
            "comment:stance",
            "AGAINST",
            "comment:body",
            "T’es un abruti, des bancs il y en a déjà bien assez sur cette place."));

    var mayor = WebSession.member(Http.baseUrl(), official + "@example.org", PASSWORD);
    mayorSession = mayor;
    SecondFactor.enrol(
        mayor, "/reseau/compte/double-authentification.xhtml", official + "@example.org");
    mayor.get("/reseau/compte/initiative.xhtml?contre=" + initiative);
    var fields =
        new HashMap<>(
            InitiativesIT.proposal(
                "Planter des arbres avant d’installer des bancs " + id,
                "<p>Des arbres donnent de l’ombre pour des décennies.</p>",
                "23096"));
    fields.put("counterKind", "ALTERNATIVE");
    mayor.submit("initiative", "publish", fields);
    mayor.get(page);
    mayor.submit(
        "answer",
        "answer:publishAnswer",
        Map.of(
            "answer:answerBody",
            "Le conseil municipal votera en mars un budget pour six bancs ombragés."));

    // A second one still waits in the official's inbox.
    writer.get("/reseau/compte/initiative.xhtml");
    writer.submit(
        "initiative",
        "publish",
        InitiativesIT.proposal(
            "Un arrêt de bus couvert devant la maison de santé " + id,
            "<p>Les patients attendent le bus sous la pluie, souvent plus de vingt minutes.</p>",
            "23096"));

    // An event with people registered, and subscribers, for the editors' lists.
    admin.get("/console/staff/content/event.xhtml");
    var saved =
        admin.submit(
            "event",
            "save",
            Map.of(
                "title", "Réunion publique sur les bancs de la place " + id,
                "kind", "MEETING",
                "starts", LocalDate.now().plusMonths(2) + "T18:30",
                "ends", LocalDate.now().plusMonths(2) + "T20:30",
                "place", "Salle polyvalente",
                "territoryKind", "COMMUNE",
                "territoryCode", "23096",
                "description", "<p>Venez en parler.</p>",
                "registration", "true"));
    var eventId = ID.matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(eventId.find()).as(saved.body()).isTrue();
    event = Long.parseLong(eventId.group(1));
    String slug =
        org.jsoup.Jsoup.parse(admin.get("/console/staff/content/event.xhtml?id=" + event).body())
            .select("a[href^=/agenda/evenement.xhtml]")
            .attr("href");
    for (String name : List.of("Léa Martin", "Karim Benali", "Jeanne Dupont-Leroy")) {
      var visitor = new WebSession();
      visitor.get(slug);
      String address = name.toLowerCase().replace(' ', '.').replace("é", "e") + "-" + id;
      visitor.submit(
          "registration",
          "register",
          Map.of("name", name, "email", address + "@example.org", "consent", "true"));
      visitor.get("/lettre/");
      visitor.submit(
          "subscribe",
          "send",
          Map.of("email", address + "@example.org", "themes", "EVENTS", "consent", "true"));
    }

    SCREENSHOTS.put("reader /", "brand-home");
    SCREENSHOTS.put("reader /reseau/", "network-home");
    SCREENSHOTS.put("reader " + page, "initiative");
    SCREENSHOTS.put("reader /reseau/initiatives/", "initiatives");
    SCREENSHOTS.put("member " + page, "initiative-member");
    SCREENSHOTS.put("member /reseau/compte/fil.xhtml", "member-feed");
    SCREENSHOTS.put("member /reseau/compte/elu.xhtml", "official-inbox");
    SCREENSHOTS.put("member /reseau/compte/", "member-account");
    SCREENSHOTS.put("staff /console/staff/", "console-home");
    SCREENSHOTS.put("staff /console/staff/admin/identity.xhtml", "console-identity");
    SCREENSHOTS.put("staff /console/staff/moderation/queue.xhtml", "console-queue");
    SCREENSHOTS.put("staff /console/staff/privacy/requests.xhtml", "console-requests");
    SCREENSHOTS.put("staff /console/staff/admin/audit.xhtml", "console-audit");
    SCREENSHOTS.put("staff /console/staff/admin/system.xhtml", "console-system");
    SCREENSHOTS.put("staff /console/staff/admin/officials.xhtml", "console-officials");
    SCREENSHOTS.put("staff /console/staff/content/articles.xhtml", "console-articles");
    SCREENSHOTS.put("staff /console/staff/network/initiatives.xhtml", "console-initiatives");
    SCREENSHOTS.put("staff /console/staff/admin/accounts.xhtml", "console-accounts");
    SCREENSHOTS.put("reader /agenda/", "brand-agenda");
    SCREENSHOTS.put("staff /console/staff/content/subscribers.xhtml", "console-subscribers");
    SCREENSHOTS.put(
        "staff /console/staff/content/registrants.xhtml?id=" + event, "console-registrants");
    openBrowser();
  }

  private static void openBrowser() throws Exception {
    browser = Browsers.chromium();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyPageFitsThePhoneAndTheDesktopWithoutErrorsOrOtherOrigins() throws Exception {
    var pages = SitePages.all();
    assertThat(pages).as("pages found in the sources").hasSizeGreaterThan(60);

    var reader = new WebSession();
    var readerPages =
        SitePages.crawl(
            reader,
            List.of(
                "/",
                "/reseau/",
                "/reseau/initiatives/",
                "/reseau/initiatives/voir.xhtml?id=" + initiative),
            pages);
    // The official is a member too: their session reaches the member's pages and the inbox.
    var memberPages =
        SitePages.crawl(
            mayorSession,
            List.of(
                "/reseau/compte/",
                "/reseau/compte/elu.xhtml",
                "/reseau/initiatives/voir.xhtml?id=" + initiative),
            pages);
    var admin = Administrator.signedIn();
    var staffPages =
        SitePages.crawl(
            admin,
            List.of("/console/staff/", "/console/staff/content/registrants.xhtml?id=" + event),
            pages);

    var problems = new ArrayList<String>();
    visit(reader, readerPages.values(), "reader", problems);
    visit(mayorSession, memberPages.values(), "member", problems);
    visit(admin, staffPages.values(), "staff", problems);

    var reached = new java.util.HashSet<String>();
    reached.addAll(readerPages.keySet());
    reached.addAll(memberPages.keySet());
    reached.addAll(staffPages.keySet());
    var unreached = new ArrayList<String>();
    for (String page : pages) {
      if (!reached.contains(page)) {
        unreached.add(page);
      }
    }
    // Pages no link leads to (reached from a mail, a form, or not public) open bare, as a reader.
    visit(new WebSession(), unreached, "bare", problems);
    System.out.printf(
        "EveryPageInBrowserIT: %d pages in the sources; reached by links: %d as a reader, %d as a"
            + " member, %d as staff; %d opened bare; each at %d widths%n",
        pages.size(),
        readerPages.size(),
        memberPages.size(),
        staffPages.size(),
        unreached.size(),
        WIDTHS.length);
    assertThat(problems).as("pages that overflow, fail or call elsewhere").isEmpty();
    assertThat(reached.size())
        .as("pages reached by following the sites' links: %s", reached)
        .isGreaterThan(pages.size() / 2);
  }

  @Test
  void theIconsAndTheManifestAreServed() {
    assertThat(Http.get(Http.baseUrl() + "/favicon.ico").statusCode()).isEqualTo(200);
    for (String site : List.of("", "/reseau", "/console")) {
      var page = org.jsoup.Jsoup.parse(Http.get(Http.baseUrl() + site + "/").body());
      for (String rel : List.of("icon", "apple-touch-icon", "manifest")) {
        String href = page.select("link[rel=" + rel + "]").attr("href");
        var response = Http.get(Http.baseUrl() + href);
        assertThat(response.statusCode()).as(site + " " + rel + " " + href).isEqualTo(200);
      }
      String manifest = page.select("link[rel=manifest]").attr("href");
      assertThat(Http.get(Http.baseUrl() + manifest).headers().firstValue("Content-Type"))
          .as("the manifest's type")
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/manifest+json"));
    }
  }

  /** Opens each address in the browser with the visitor's cookies, at both widths. */
  private static void visit(
      WebSession visitor, java.util.Collection<String> addresses, String who, List<String> problems)
      throws Exception {
    browser.manage().deleteAllCookies();
    browser.get(Http.baseUrl() + "/robots.txt");
    for (var cookie : visitor.cookies.getCookieStore().getCookies()) {
      browser
          .manage()
          .addCookie(
              new Cookie.Builder(cookie.getName(), cookie.getValue())
                  .path(cookie.getPath() == null ? "/" : cookie.getPath())
                  .isHttpOnly(true)
                  .build());
    }
    String host = URI.create(Http.baseUrl()).getHost();
    for (String address : addresses) {
      // The page as served (a redirect's body is no page: the browser checks where it leads).
      var served = visitor.get(address);
      if (served.statusCode() < 300 || served.statusCode() >= 400) {
        for (String error : HTML.errors(served.body())) {
          problems.add(who + " " + address + ": HTML " + error);
        }
      }
      for (int width : WIDTHS) {
        Browsers.viewport(browser, width);
        browser.manage().logs().get(LogType.BROWSER); // drops what came before
        browser.get(Http.baseUrl() + address);
        String where = who + " " + address + " @" + width;
        long scrollWidth =
            ((Number) browser.executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        if (scrollWidth > width) {
          problems.add(where + ": " + scrollWidth + " px wide");
        }
        for (var entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
          // The page's own status (a bare page that needs an id answers 404) is not an error of
          // the page; anything it loads or runs is.
          if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
              && !entry.getMessage().startsWith(Http.baseUrl() + address + " ")) {
            problems.add(where + ": " + entry.getMessage());
          }
        }
        @SuppressWarnings("unchecked")
        var requested =
            (List<String>)
                browser.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
        for (String url : requested) {
          if (!host.equals(URI.create(url).getHost())) {
            problems.add(where + ": requested " + url);
          }
        }
        var axe =
            new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        for (var rule : axe.getViolations()) {
          for (var node : rule.getNodes()) {
            problems.add(where + ": axe " + rule.getId() + " " + node.getTarget());
          }
        }
        if (browser.getTitle().contains("Erreur") || browser.getTitle().contains("Error")) {
          problems.add(where + ": " + browser.getTitle());
        }
        String name = SCREENSHOTS.get(who + " " + address);
        if (name != null) {
          Browsers.screenshot(browser, name, width);
        }
      }
    }
  }
}
