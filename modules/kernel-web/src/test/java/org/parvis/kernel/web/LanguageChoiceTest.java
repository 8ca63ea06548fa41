package org.parvis.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

  @Test
  void frenchWhenNothingIsKnown() {
    assertThat(LanguageChoice.resolve(null, Collections.emptyEnumeration()))
        .isEqualTo(Locale.FRENCH);
  }

  @Test
  void theFirstSupportedBrowserLanguageWins() {
    var browser = List.of(Locale.GERMAN, Locale.UK, Locale.FRANCE);
    assertThat(LanguageChoice.resolve(null, Collections.enumeration(browser)))
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void anExplicitChoiceBeatsTheBrowser() {
    var browser = List.of(Locale.ENGLISH);
    assertThat(LanguageChoice.resolve("fr", Collections.enumeration(browser)))
        .isEqualTo(Locale.FRENCH);
  }

  @Test
  void anUnsupportedOrForgedCookieIsIgnored() {
    assertThat(LanguageChoice.resolve("de", Collections.emptyEnumeration()))
        .isEqualTo(Locale.FRENCH);
    assertThat(LanguageChoice.resolve("<script>", Collections.emptyEnumeration()))
        .isEqualTo(Locale.FRENCH);
    assertThat(LanguageChoice.supported(" EN ")).contains(Locale.ENGLISH);
  }
}
