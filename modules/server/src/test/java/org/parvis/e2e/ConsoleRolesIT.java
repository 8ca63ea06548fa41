package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role against every page of the console, the data protection officer included: a staff
 * member with one role each opens every page the console has (found in its sources, not listed by
 * hand) and is let in exactly where the role's areas say, 403 elsewhere, never a server error.
 */
class ConsoleRolesIT {

  private static final Set<String> ANY_STAFF =
      Set.of("editor", "moderator", "administrator", "data_protection_officer");

  /** Who may open each area (the folder under /staff/); pages directly in /staff/ are anyone's. */
  private static final Map<String, Set<String>> AREAS =
      Map.of(
          "admin", Set.of("administrator"),
          "moderation", Set.of("moderator", "administrator"),
          "content", Set.of("editor", "administrator"),
          "privacy", Set.of("data_protection_officer", "administrator"),
          "network", ANY_STAFF,
          "dashboard", ANY_STAFF);

  /** Addresses served by servlets rather than pages, with their area. */
  private static final List<String> SERVLETS =
      List.of(
          "/staff/privacy/register.csv",
          "/staff/dashboard/chart.svg?courbes=SIGNATURES",
          "/staff/dashboard/activite.csv",
          "/staff/network/initiatives.csv",
          "/staff/network/signatures.csv",
          "/staff/network/elus.csv",
          "/staff/moderation/transparence.csv",
          "/staff/content/lettre.csv",
          "/staff/content/inscrits.csv");

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void eachRoleOpensItsAreasAndIsRefusedElsewhere() {
    var pages = consolePages();
    assertThat(pages).as("pages found").hasSizeGreaterThan(20);
    assertThat(AREAS.keySet())
        .as("every area of the console has its rule here")
        .containsAll(
            pages.stream()
                .map(ConsoleRolesIT::area)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toSet()));

    String id = Long.toString(System.nanoTime() % 100_000);
    var sessions = new LinkedHashMap<String, WebSession>();
    for (String role : List.of("editor", "moderator", "data_protection_officer")) {
      sessions.put(role, Administrator.newStaff(role.replace('_', '-') + "-" + id, role));
    }
    sessions.put("administrator", Administrator.signedIn());

    var wrong = new ArrayList<String>();
    for (var session : sessions.entrySet()) {
      String role = session.getKey();
      for (String page : pages) {
        boolean allowed = AREAS.getOrDefault(area(page), ANY_STAFF).contains(role);
        var response = session.getValue().get("/console" + page);
        int status = response.statusCode();
        boolean toSignIn =
            response.headers().firstValue("Location").orElse("").endsWith("/console/index.xhtml");
        boolean ok = allowed ? status != 403 && status < 500 && !toSignIn : status == 403;
        if (!ok) {
          wrong.add(role + " " + page + " → " + status + (toSignIn ? " (sign-in)" : ""));
        }
      }
    }
    assertThat(wrong).as("role × page answers not as the areas say").isEmpty();

    // The side menu shows each role exactly the pages of the full menu its areas open.
    var full = menu(sessions.get("administrator"));
    assertThat(full).as("the administrator's menu").hasSizeGreaterThan(15);
    for (var session : sessions.entrySet()) {
      String role = session.getKey();
      var expected =
          full.stream()
              .filter(page -> AREAS.getOrDefault(area(page), ANY_STAFF).contains(role))
              .toList();
      assertThat(menu(session.getValue())).as(role + "'s menu").containsExactlyElementsOf(expected);
    }
  }

  /** The pages the side menu links to, in its order, for the signed-in session. */
  private static List<String> menu(WebSession session) {
    var page = org.jsoup.Jsoup.parse(session.get("/console/staff/").body());
    return page.select("nav#menu a[href^=/console/staff/]").eachAttr("href").stream()
        .map(href -> href.substring("/console".length()))
        .filter(href -> !href.equals("/staff/"))
        .toList();
  }

  /** The console's staff pages from its sources, and the servlets' addresses. */
  private static List<String> consolePages() {
    var pages = new ArrayList<String>();
    SitePages.all().stream()
        .filter(page -> page.startsWith("/console/staff/"))
        .map(page -> page.substring("/console".length()))
        .forEach(pages::add);
    pages.addAll(SERVLETS);
    return pages;
  }

  /** "content" for /staff/content/articles.xhtml; "" for a page directly in /staff/. */
  private static String area(String page) {
    String rest = page.substring("/staff/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(0, slash);
  }
}
