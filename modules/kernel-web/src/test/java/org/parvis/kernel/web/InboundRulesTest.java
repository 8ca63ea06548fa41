package org.parvis.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.web.SitePaths;

class InboundRulesTest {

  @Test
  void aPathThatNamesAnotherHostRedirectsToThisSite() {
    assertThat(SitePaths.local("//evil.example/")).isEqualTo("/evil.example/");
    assertThat(SitePaths.local("///evil.example/a")).isEqualTo("/evil.example/a");
    assertThat(SitePaths.local("/\\evil.example/")).isEqualTo("/evil.example/");
    assertThat(SitePaths.local("\\\\evil.example")).isEqualTo("/evil.example");
    assertThat(SitePaths.local("/%09/evil.example")).isEqualTo("/%09/evil.example");
  }

  @Test
  void aLocalPathStaysAsItIsWithoutItsSessionId() {
    assertThat(SitePaths.local("/reseau/initiatives/voir.xhtml"))
        .isEqualTo("/reseau/initiatives/voir.xhtml");
    assertThat(SitePaths.local("/reseau/compte/fil.xhtml;jsessionid=abc123"))
        .isEqualTo("/reseau/compte/fil.xhtml");
    assertThat(SitePaths.local("/")).isEqualTo("/");
    assertThat(SitePaths.local(null)).isEqualTo("/");
  }

  @Test
  void formPostsFromThisSiteAreAccepted() {
    assertThat(
            InboundFilter.sameSite(
                "http://localhost:8080", null, java.util.List.of("localhost:8080")))
        .isTrue();
    assertThat(
            InboundFilter.sameSite(
                "https://reseau.parti.example", null, java.util.List.of("reseau.parti.example")))
        .isTrue();
    assertThat(
            InboundFilter.sameSite(
                null,
                "https://www.parti.example/contact.xhtml",
                java.util.List.of("www.parti.example:443")))
        .isTrue();
    // Neither header (a privacy extension): the view state still has to be valid.
    assertThat(InboundFilter.sameSite(null, null, java.util.List.of("localhost:8080"))).isTrue();
  }

  @Test
  void aProxyThatRewritesTheHostStillLetsThePublicAddressPost() {
    assertThat(
            InboundFilter.sameSite(
                "https://reseau.parti.example",
                null,
                java.util.List.of("127.0.0.1:8080", "reseau.parti.example")))
        .isTrue();
  }

  @Test
  void formPostsFromAnotherSiteAreRefused() {
    assertThat(
            InboundFilter.sameSite(
                "https://evil.example", null, java.util.List.of("localhost:8080")))
        .isFalse();
    assertThat(
            InboundFilter.sameSite(
                null, "https://evil.example/x.html", java.util.List.of("localhost:8080")))
        .isFalse();
    assertThat(
            InboundFilter.sameSite(
                "http://localhost:9999", null, java.util.List.of("localhost:8080")))
        .isFalse();
    assertThat(InboundFilter.sameSite("null", null, java.util.List.of("localhost:8080"))).isFalse();
    assertThat(InboundFilter.sameSite("not a url", null, java.util.List.of("localhost:8080")))
        .isFalse();
  }

  @Test
  void queryStringsThatAreNotUtf8AreRecognised() {
    assertThat(QueryStrings.decodable(null)).isTrue();
    assertThat(QueryStrings.decodable("q=Gu%C3%A9ret&theme=TRANSPORT")).isTrue();
    assertThat(QueryStrings.decodable("q=%FF%FE")).isFalse();
    assertThat(QueryStrings.decodable("q=%C3")).isFalse();
    assertThat(QueryStrings.decodable("q=%G1")).isFalse();
    assertThat(QueryStrings.decodable("q=100%")).isFalse();
  }
}
