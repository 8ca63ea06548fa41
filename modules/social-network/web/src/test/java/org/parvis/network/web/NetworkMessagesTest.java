package org.parvis.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.web.Language;

/** The network's bundles as members read them: same keys in both languages, plurals, gender. */
class NetworkMessagesTest {

  private static final String BUNDLE = "org.parvis.network.web.messages";
  private static final ResourceBundle FR = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH);
  private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);

  private static String fr(String key, Object argument) {
    return Language.format(Locale.FRENCH, FR.getString(key), argument);
  }

  private static String en(String key, Object argument) {
    return Language.format(Locale.ENGLISH, EN.getString(key), argument);
  }

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(FR.keySet()).containsExactlyInAnyOrderElementsOf(EN.keySet());
  }

  @Test
  void anOfficialIsNamedByTheGenderTheyChoseAndInclusivelyOtherwise() {
    assertThat(fr("official.badge", "female")).isEqualTo("Élue vérifiée");
    assertThat(fr("official.badge", "male")).isEqualTo("Élu vérifié");
    assertThat(fr("official.badge", "other")).isEqualTo("Élu·e vérifié·e");
    assertThat(fr("comment.official", "female")).isEqualTo("Élue du territoire");
    assertThat(fr("answer.label", "female")).isEqualTo("Réponse de l’élue");
    assertThat(fr("answer.label", "other")).isEqualTo("Réponse officielle");
    assertThat(fr("profile.answered", "female")).contains("elle a répondu").doesNotContain("il");
    assertThat(fr("profile.answered", "other")).contains("il ou elle a répondu");
    assertThat(en("official.badge", "female")).isEqualTo("Verified official");
    assertThat(en("profile.answered", "female")).contains("she has answered");
    assertThat(en("profile.answered", "male")).contains("he has answered");
    assertThat(en("profile.answered", "other")).contains("they have answered");
  }

  @Test
  void countsAgreeInBothLanguages() {
    assertThat(fr("initiative.signatures.word", 0)).isEqualTo("signature");
    assertThat(fr("initiative.signatures.word", 1)).isEqualTo("signature");
    assertThat(fr("initiative.signatures.word", 2)).isEqualTo("signatures");
    assertThat(en("initiative.signatures.word", 0)).isEqualTo("signatures");
    assertThat(en("initiative.signatures.word", 1)).isEqualTo("signature");
  }

  @Test
  void everyPatternIsValidIcuInBothLanguages() {
    for (String key : FR.keySet()) {
      for (var bundle : new ResourceBundle[] {FR, EN}) {
        String pattern = bundle.getString(key);
        Object argument = pattern.contains(", select,") ? "female" : (Object) 2;
        assertThat(Language.format(bundle.getLocale(), pattern, argument, argument))
            .as(key)
            .isNotBlank();
      }
    }
  }
}
