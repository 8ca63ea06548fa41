package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The language switch keeps the page: on every page a reader reaches and every page a signed-in
 * member reaches from their account, the link to the other language is the same path with the same
 * query plus {@code lang}; following it lands on that same address, now in the other language, and
 * switching back lands there again in French. The head names both languages' addresses ({@code
 * hreflang}).
 */
class LanguageSwitchIT {

  @Test
  void everyPageSwitchesBothWaysAndStaysOnTheSameAddress() {
    var pages = SitePages.all();
    var reader = new WebSession();
    var addresses =
        new ArrayList<>(
            SitePages.crawl(
                    reader,
                    List.of("/", "/reseau/", "/reseau/initiatives/", "/agenda/mois.xhtml"),
                    pages)
                .values());
    addresses.add("/reseau/initiatives/?theme=TRANSPORT&tri=signed&q=bancs+ombre");
    addresses.add("/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096");
    addresses.add("/agenda/?territoire=COMMUNE&code=23096");
    assertThat(addresses).hasSizeGreaterThan(15);

    var wrong = new ArrayList<String>();
    for (String address : addresses) {
      switchBothWays(new WebSession(), address, wrong);
    }
    // A member's pages, in the member's own session (the choice is a cookie of the browser).
    Mailbox.start();
    String handle = "bilingue-" + System.nanoTime() % 1_000_000;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", PASSWORD);
    var member = WebSession.member(Http.baseUrl(), handle + "@example.org", PASSWORD);
    var memberPages = SitePages.crawl(member, List.of("/reseau/compte/"), pages);
    assertThat(memberPages.keySet()).anyMatch(page -> page.startsWith("/reseau/compte/"));
    for (String address : memberPages.values()) {
      switchBothWays(member, address, wrong);
    }
    assertThat(wrong).as("pages whose language switch loses the page").isEmpty();
  }

  private static final String PASSWORD = "une page dans les deux langues";

  private static void switchBothWays(WebSession visitor, String address, List<String> wrong) {
    var french = Jsoup.parse(visitor.get(address).body());
    if (!"fr".equals(french.selectFirst("html").attr("lang"))) {
      wrong.add(address + ": not French first");
      return;
    }
    String toEnglish = french.select(".language a").attr("href");
    if (!sameAddress(toEnglish, address, "en")) {
      wrong.add(address + ": the switch points to " + toEnglish);
      return;
    }
    if (french.select("link[rel=alternate][hreflang=en]").isEmpty()
        || french.select("link[rel=alternate][hreflang=fr]").isEmpty()) {
      wrong.add(address + ": no hreflang alternates");
    }
    var switched = visitor.get(toEnglish);
    String back = switched.headers().firstValue("Location").orElse("");
    if (switched.statusCode() != 303 || !sameAddress(back, address, null)) {
      wrong.add(address + ": English lands on " + switched.statusCode() + " " + back);
      return;
    }
    var english = visitor.get(back);
    var englishPage = Jsoup.parse(english.body());
    if (english.statusCode() != 200 || !"en".equals(englishPage.selectFirst("html").attr("lang"))) {
      wrong.add(address + ": in English " + english.statusCode());
      return;
    }
    String toFrench = englishPage.select(".language a").attr("href");
    var again = visitor.get(toFrench);
    String home = again.headers().firstValue("Location").orElse("");
    if (!sameAddress(home, address, null)
        || !"fr".equals(Jsoup.parse(visitor.get(home).body()).selectFirst("html").attr("lang"))) {
      wrong.add(address + ": back to French lands on " + home);
    }
  }

  /** Same path and same decoded parameters, plus {@code lang} when given. */
  private static boolean sameAddress(String link, String address, String lang) {
    if (link.isEmpty()) {
      return false;
    }
    URI got = URI.create(Http.baseUrl()).resolve(link.replace(" ", "%20"));
    URI expected = URI.create(Http.baseUrl() + address);
    var wanted = parameters(expected.getRawQuery());
    if (lang != null) {
      wanted.put("lang", lang);
    }
    return got.getPath().equals(expected.getPath()) && parameters(got.getRawQuery()).equals(wanted);
  }

  private static Map<String, String> parameters(String rawQuery) {
    var parameters = new TreeMap<String, String>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.merge(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8),
          (a, b) -> a + "," + b);
    }
    return parameters;
  }
}
