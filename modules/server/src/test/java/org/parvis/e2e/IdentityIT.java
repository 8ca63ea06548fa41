package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The party's identity set in the console shows on the three sites: its name on the brand site, its
 * colours in each site's theme, its logo (an SVG drawing, scripts refused) in every header; the
 * network reads its own copy. Colours without enough contrast are refused with the ratio measured.
 * The identity is put back to Parvis's own at the end, for the other tests.
 */
class IdentityIT {

  private static final String PAGE = "/console/staff/admin/identity.xhtml";
  private static final String LOGO =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><title>PE</title>"
          + "<rect width=\"120\" height=\"40\" rx=\"8\" fill=\"#fff\"/>"
          + "<text x=\"12\" y=\"28\" fill=\"#7a1f3d\">Essai</text></svg>";

  @AfterAll
  static void parvisOwnAgain() {
    var admin = Administrator.signedIn();
    admin.get(PAGE);
    var fields = fields("Parvis", "Parvis", "#1f4e9c", "#0f7a5c", "");
    fields.put("removeLogo", "true");
    fields.put("removeShare", "true");
    admin.submit("identity", "save", fields);
    var reader = new WebSession();
    await("the brand home under Parvis's name again")
        .atMost(Duration.ofSeconds(20))
        .until(() -> Jsoup.parse(reader.get("/").body()).title().startsWith("Parvis"));
  }

  @Test
  void theIdentitySetInTheConsoleShowsOnTheThreeSites() throws Exception {
    var admin = Administrator.signedIn();
    var page = admin.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);

    // Yellow on white: refused, the ratio said; nothing saved.
    var pale =
        admin.submit(
            "identity", "save", fields("Parti de l’Essai", "PE", "#ffcc00", "#1d5c3a", ""));
    assertThat(pale.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(pale.body()).select(".field-error").text())
        .contains("Contraste insuffisant avec le blanc : 1,")
        .contains(":1 mesuré, 4,5:1 au moins");
    assertThat(Jsoup.parse(new WebSession().get("/").body()).title()).doesNotContain("Essai");

    // A logo with a script: refused, whatever its name says.
    admin.get(PAGE);
    var scripted =
        admin.submitMultipart(
            "identity",
            "save",
            fields("Parti de l’Essai", "PE", "#7a1f3d", "#1d5c3a", ""),
            "logo",
            "logo.svg",
            "image/svg+xml",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(Jsoup.parse(scripted.body()).select(".field-error").text())
        .contains("ni un dessin SVG sans script");

    admin.get(PAGE);
    var saved =
        admin.submitMultipart(
            "identity",
            "save",
            fields("Parti de l’Essai", "PE", "#7A1F3D", "#1d5c3a", "Ensemble, partout en Creuse."),
            "logo",
            "logo.svg",
            "image/svg+xml",
            LOGO.getBytes(StandardCharsets.UTF_8));
    assertThat(saved.statusCode()).as(saved.body()).isIn(302, 303);
    assertThat(Jsoup.parse(admin.get(PAGE).body()).select(".messages .info").text())
        .contains("enregistrée sur les trois sites");

    // Each site reads the identity at most every ten seconds.
    var reader = new WebSession();
    var home =
        await("the brand home under the party's new name")
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> Jsoup.parse(reader.get("/").body()),
                shown -> shown.title().contains("Parti de l’Essai"));
    assertThat(home.select("h1").text()).isEqualTo("Parti de l’Essai");
    assertThat(home.select("#hero").text()).isEqualTo("Ensemble, partout en Creuse.");
    for (String site : new String[] {"", "/reseau", "/console"}) {
      var head =
          await("the theme on " + site + "/")
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> Jsoup.parse(reader.get(site + "/").body()),
                  shown -> !shown.select("link[href*=/identite/theme.css]").isEmpty());
      String theme = head.select("link[rel=stylesheet][href*=/identite/theme.css]").attr("href");
      assertThat(theme).as(site + " theme").isNotEmpty();
      var css = reader.get(theme);
      assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
      assertThat(css.body()).contains("--parvis-brand: #7a1f3d;", "--parvis-network: #1d5c3a;");
      String logo = head.select(".site-name img").attr("src");
      assertThat(logo).as(site + " logo").contains("/identite/logo");
      var served = reader.get(logo);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type").orElse(""))
          .startsWith("image/svg+xml");
      assertThat(served.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("default-src 'none'", "sandbox");
      assertThat(served.body()).isEqualTo(LOGO);
    }
    // A sharing image: pages without a picture of their own are shared with it.
    var picture =
        new java.awt.image.BufferedImage(1200, 630, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(picture, "png", png);
    admin.get(PAGE);
    var shared =
        admin.submitMultipart(
            "identity",
            "save",
            fields("Parti de l’Essai", "PE", "#7a1f3d", "#1d5c3a", "Ensemble, partout en Creuse."),
            "share",
            "partage.png",
            "image/png",
            png.toByteArray());
    assertThat(shared.statusCode()).as(shared.body()).isIn(302, 303);
    String territory = "/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096";
    String ogImage =
        await("the sharing image on a page without its own")
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    Jsoup.parse(reader.get(territory).body())
                        .select("meta[property=og:image]")
                        .attr("content"),
                image -> image.contains("/reseau/identite/partage"));
    assertThat(ogImage).startsWith("http");
    assertThat(reader.get(ogImage.substring(ogImage.indexOf("/reseau/"))).statusCode())
        .isEqualTo(200);

    // As a reader sees the party's colours and logo, on a phone and a desktop.
    var browser = Browsers.chromium();
    try {
      for (int width : new int[] {390, 1280}) {
        Browsers.viewport(browser, width);
        for (var shot :
            Map.of("identity-brand-home", "/", "identity-network-home", "/reseau/").entrySet()) {
          browser.get(Http.baseUrl() + shot.getValue());
          Browsers.screenshot(browser, shot.getKey(), width);
        }
      }
    } finally {
      browser.quit();
    }
    var theme = reader.get("/reseau/identite/theme.css?v=1").headers();
    assertThat(theme.firstValue("Cache-Control").orElse(""))
        .isIn("no-cache", "public, max-age=31536000, immutable");
  }

  private static Map<String, String> fields(
      String name, String shortName, String main, String accent, String hero) {
    var fields = new HashMap<String, String>();
    fields.put("partyName", name);
    fields.put("shortName", shortName);
    fields.put("mainColour", main);
    fields.put("accentColour", accent);
    fields.put("heroFr", hero);
    fields.put("heroEn", "");
    return fields;
  }
}
