package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No page makes the visitor's browser call anyone but the party's own server: no font, script,
 * style, image, frame or analytics from elsewhere, and a Content Security Policy that would block
 * them anyway. (Share links are plain links the visitor chooses to follow.)
 */
class NoThirdPartyIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/actualites/",
        "/agenda/",
        "/agenda/mois.xhtml",
        "/equipe/",
        "/lettre/",
        "/contact.xhtml",
        "/benevolat.xhtml",
        "/page.xhtml?nom=confidentialite",
        "/reseau/",
        "/reseau/initiatives/",
        "/reseau/classements.xhtml",
        "/reseau/badges.xhtml",
        "/reseau/transparence.xhtml",
        "/reseau/inscription.xhtml",
        "/reseau/connexion.xhtml",
        "/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096",
        "/console/"
      })
  void everyResourceOfThePageComesFromTheSameServer(String path) {
    var response = Http.get(Http.baseUrl() + path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    for (String directive : policy.split(";")) {
      assertThat(directive.strip())
          .as("%s: %s allows only this server", path, directive)
          .doesNotContainPattern("https?://|\\*|//");
    }
    var page = Jsoup.parse(response.body(), Http.baseUrl() + path);
    var host = URI.create(Http.baseUrl()).getHost();
    var loaded =
        page.select(
            "script[src], link[rel~=(?i)stylesheet|icon|preload|prefetch|preconnect|dns-prefetch|manifest],"
                + " img[src], iframe[src], frame[src], embed[src], object[data], source[src],"
                + " video[src], audio[src], track[src], input[type=image][src]");
    for (var element : loaded) {
      String url =
          element.hasAttr("src")
              ? element.absUrl("src")
              : element.hasAttr("data") ? element.absUrl("data") : element.absUrl("href");
      assertThat(URI.create(url).getHost()).as("%s loads %s", path, url).isEqualTo(host);
    }
    assertThat(response.body())
        .as(path)
        .doesNotContain(
            "fonts.googleapis", "googletagmanager", "google-analytics", "gstatic", "cdn.");
  }
}
