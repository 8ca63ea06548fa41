package org.parvis.kernel.api.style;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteIdentityTest {

  @Test
  void parvisOwnIdentityIsValid() {
    assertThat(SiteIdentity.defaults("Parvis").problems()).isEmpty();
  }

  @Test
  void aPaleColourIsRefusedWithItsMeasuredContrast() {
    var pale = new SiteIdentity("Parti", "P", "#ffcc00", "#zzz", null, null, 0);
    var problems = pale.problems();
    assertThat(problems.get("mainColour").key()).isEqualTo("identity.colour.contrast");
    assertThat(problems.get("mainColour").measured()).isBetween(1.5, 1.7);
    assertThat(problems.get("accentColour").key()).isEqualTo("identity.colour.invalid");
  }

  @Test
  void namesAndHeroHaveLimits() {
    var identity =
        new SiteIdentity(" ", "x".repeat(31), "#1f4e9c", "#0f7a5c", "y".repeat(401), null, 0);
    assertThat(identity.problems()).containsOnlyKeys("partyName", "shortName", "heroFr");
  }

  @Test
  void normalisedColoursAreLowerCaseSixDigits() {
    var identity = new SiteIdentity(" Parti ", "P", "#ABC", "0F7A5C", " ", null, 0).normalised();
    assertThat(identity.partyName()).isEqualTo("Parti");
    assertThat(identity.mainColour()).isEqualTo("#aabbcc");
    assertThat(identity.accentColour()).isEqualTo("#0f7a5c");
    assertThat(identity.heroFr()).isNull();
  }

  @Test
  void theDarkerShadeKeepsTheContrast() {
    String darker = SiteIdentity.darker("#0f7a5c");
    assertThat(darker).isEqualTo("#0c624a");
    assertThat(Colours.contrast(darker, "#ffffff"))
        .isGreaterThan(Colours.contrast("#0f7a5c", "#ffffff"));
  }
}
