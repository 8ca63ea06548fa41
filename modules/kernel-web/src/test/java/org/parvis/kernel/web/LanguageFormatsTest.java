package org.parvis.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Plurals, gender and time spans as the bundles' ICU patterns write them, in both languages. */
class LanguageFormatsTest {

  private static final String SIGNATURES = "{0, plural, one {signature} other {signatures}}";
  private static final String ANSWERED =
      "{0, select, female {Une élue a répondu} male {Un élu a répondu} other {Réponse officielle}}";

  @Test
  void frenchCountsZeroAndOneAsSingularEnglishOnlyOne() {
    assertThat(Language.format(Locale.FRENCH, SIGNATURES, 0)).isEqualTo("signature");
    assertThat(Language.format(Locale.FRENCH, SIGNATURES, 1)).isEqualTo("signature");
    assertThat(Language.format(Locale.FRENCH, SIGNATURES, 2)).isEqualTo("signatures");
    assertThat(Language.format(Locale.ENGLISH, SIGNATURES, 0)).isEqualTo("signatures");
    assertThat(Language.format(Locale.ENGLISH, SIGNATURES, 1)).isEqualTo("signature");
  }

  @Test
  void numbersAreGroupedTheLocalWay() {
    String pattern = "{0, plural, one {# initiative} other {# initiatives}}";
    assertThat(Language.format(Locale.FRENCH, pattern, 12345)).isEqualTo("12\u202f345 initiatives");
    assertThat(Language.format(Locale.ENGLISH, pattern, 12345)).isEqualTo("12,345 initiatives");
  }

  @Test
  void aPersonIsNamedByTheirGenderOrNeutrallyWhenUnknown() {
    assertThat(Language.format(Locale.FRENCH, ANSWERED, "female")).isEqualTo("Une élue a répondu");
    assertThat(Language.format(Locale.FRENCH, ANSWERED, "male")).isEqualTo("Un élu a répondu");
    assertThat(Language.format(Locale.FRENCH, ANSWERED, "unknown")).isEqualTo("Réponse officielle");
  }

  @Test
  void anEventIsWrittenAsOneSpanOnParisTime() {
    // 12 December 2026, 17:30 to 19:30 UTC: 18:30 to 20:30 in Paris (winter time).
    Instant from = Instant.parse("2026-12-12T17:30:00Z");
    Instant to = Instant.parse("2026-12-12T19:30:00Z");
    String french = Language.interval(Locale.FRENCH, from, to);
    assertThat(french).contains("12 décembre 2026").contains("18:30").contains("20:30");
    assertThat(french).doesNotContain("Du ").containsOnlyOnce("2026");
    String english = Language.interval(Locale.ENGLISH, from, to);
    assertThat(english).contains("December 12, 2026").containsOnlyOnce("2026");
    assertThat(Language.interval(Locale.FRENCH, from, Instant.parse("2026-12-13T10:00:00Z")))
        .contains("12", "13 décembre 2026");
  }
}
