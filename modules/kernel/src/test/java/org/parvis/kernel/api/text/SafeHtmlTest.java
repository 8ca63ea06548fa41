package org.parvis.kernel.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

  @Test
  void scriptsHandlersAndStylesAreRemovedFormattingStays() {
    String safe =
        SafeHtml.sanitize(
            "<p onclick=\"steal()\">Un <strong>parc</strong> <em>pour</em> tous"
                + "<script>alert(1)</script></p><img src=x onerror=alert(1)>"
                + "<ul><li>bancs</li></ul><iframe src=\"https://evil.example\"></iframe>"
                + "<p style=\"position:fixed\">fin</p>");
    assertThat(safe)
        .contains("<strong>parc</strong>", "<em>pour</em>", "<li>bancs</li>", "<p>fin</p>")
        .doesNotContain("script", "onclick", "onerror", "img", "iframe", "style", "alert");
  }

  @Test
  void linksKeepOnlyWebProtocolsAndGetNoFollow() {
    assertThat(SafeHtml.sanitize("<a href=\"javascript:alert(1)\">x</a>"))
        .doesNotContain("javascript");
    assertThat(SafeHtml.sanitize("<a href=\"https://example.org/a\">source</a>"))
        .contains("href=\"https://example.org/a\"")
        .contains("nofollow")
        .contains("noopener");
  }

  @Test
  void plainTextReadsWhatAReaderSees() {
    assertThat(
            SafeHtml.plainText(SafeHtml.sanitize("<p>Cantine &amp; <b>bio</b></p>\n<p>2 < 3</p>")))
        .isEqualTo("Cantine & bio 2 < 3");
    assertThat(SafeHtml.containsLinks("voir www.example.org")).isTrue();
    assertThat(SafeHtml.containsLinks("aucun lien")).isFalse();
  }
}
