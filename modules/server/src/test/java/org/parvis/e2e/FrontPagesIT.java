package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deployed EAR, with server-config applied, over plain HTTP. */
class FrontPagesIT {

  private static final String BASE = Http.baseUrl();

  @Test
  void brandHomeIsARealPageInFrenchByDefault() {
    var response = Http.get(BASE + "/");
    assertThat(response.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(response.body());
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
    assertThat(page.title()).contains("Parvis");
    assertThat(page.select("a[href=/reseau/]")).isNotEmpty();
    assertThat(page.text()).contains("Le réseau citoyen");
  }

  @Test
  void networkHomeFindsACommuneByPostalCodeFromItsOwnDatabase() {
    var response = Http.get(BASE + "/reseau/?cp=23000");
    assertThat(response.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(response.body());
    assertThat(page.select("#communes li").eachText()).contains("Guéret (23)", "Sainte-Feyre (23)");
    assertThat(page.text()).containsPattern("35.014 communes");
  }

  @Test
  void networkHomeExplainsAPostalCodeThatMatchesNothing() {
    var response =
        Http.get(BASE + "/reseau/?cp=" + URLEncoder.encode("<b>x", StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("<b>x").contains("Aucune commune ne correspond");
  }

  @Test
  void consoleShowsAFormProtectedByItsViewState() {
    var response = Http.get(BASE + "/console/");
    assertThat(response.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(response.body());
    assertThat(page.select("form input[type=password]")).hasSize(1);
    assertThat(page.select("input[name=jakarta.faces.ViewState]")).hasSize(1);
  }

  @Test
  void aFormPostedWithoutItsViewStateIsRefused() {
    var forged =
        Http.postForm(
            BASE + "/console/index.xhtml",
            "signin=signin&username=a&password=b&submit=x&jakarta.faces.ViewState=forged");
    assertThat(forged.statusCode()).isBetween(400, 499);
    assertThat(forged.body()).doesNotContain("Exception", "at org.", "Payara");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/reseau/", "/reseau/?cp=23000", "/nowhere"})
  void readersGetNoCookieAtAll(String path) {
    assertThat(Http.get(BASE + path).headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void healthIsUpWithBothDatabases() {
    var response = Http.get(BASE + "/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"UP\"")
        .contains("\"brand\":\"UP\"")
        .contains("\"network\":\"UP\"")
        .doesNotContain("DOWN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nowhere", "/reseau/nowhere.xhtml", "/console/WEB-INF/beans.xml"})
  void missingPagesGetTheLocalizedNotFoundPageWithoutServerDetails(String path) {
    var response = Http.get(BASE + path);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("Page introuvable")
        .doesNotContain("Payara", "GlassFish", "Exception", "at org.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/reseau/", "/console/", "/nowhere"})
  void everyResponseCarriesTheSecurityHeadersAndNoServerBanner(String path) {
    HttpResponse<String> response = Http.get(BASE + path);
    var headers = response.headers();
    assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(headers.firstValue("X-Powered-By")).isEmpty();
    assertThat(headers.firstValue("Server")).isEmpty();
  }

  @Test
  void pagesLoadNothingFromAnotherOrigin() {
    for (String path : new String[] {"/", "/reseau/", "/console/"}) {
      var page = Jsoup.parse(Http.get(BASE + path).body(), BASE + path);
      assertThat(page.select("script[src], link[href], img[src]").eachAttr("abs:src"))
          .allMatch(url -> url.isEmpty() || url.startsWith(BASE));
      assertThat(page.select("link[href]").eachAttr("abs:href"))
          .allMatch(url -> url.startsWith(BASE));
      assertThat(page.select("script:not([src])")).as("inline script on " + path).isEmpty();
    }
  }

  @Test
  void theLanguageSwitchRemembersEnglishAcrossTheSites() {
    var switched = Http.get(BASE + "/reseau/?lang=en&cp=23000");
    assertThat(switched.statusCode()).isEqualTo(303);
    assertThat(switched.headers().firstValue("Location")).hasValue("/reseau/?cp=23000");
    String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("parvis-lang=en", "Path=/", "HttpOnly", "SameSite=Lax");

    var brand = Http.get(BASE + "/", "Cookie", cookie.split(";", 2)[0]);
    var page = Jsoup.parse(brand.body());
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(page.text()).contains("The citizen network");
  }

  @Test
  void aBrowserAskingForEnglishGetsEnglish() {
    var page = Jsoup.parse(Http.get(BASE + "/reseau/", "Accept-Language", "en-GB,en;q=0.8").body());
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(page.select("h1").text()).isEqualTo("Act for your town and for the country");
  }
}
