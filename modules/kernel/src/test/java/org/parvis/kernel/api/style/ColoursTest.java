package org.parvis.kernel.api.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColoursTest {

  @Test
  void readsHexColoursAndNothingElse() {
    assertThat(Colours.parse(" #1F4E9C ")).contains("#1f4e9c");
    assertThat(Colours.parse("0f7a5c")).contains("#0f7a5c");
    assertThat(Colours.parse("#abc")).contains("#aabbcc");
    assertThat(Colours.parse("red")).isEmpty();
    assertThat(Colours.parse("#12345g")).isEmpty();
    assertThat(Colours.parse("#1234;}body{")).isEmpty();
    assertThat(Colours.parse(null)).isEmpty();
  }

  @Test
  void measuresContrastAsWcagDoes() {
    assertThat(Colours.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
    assertThat(Colours.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
    // The grey that just fails AA on white, and the one that just passes.
    assertThat(Colours.contrast("#777777", "#ffffff")).isLessThan(Colours.TEXT_CONTRAST);
    assertThat(Colours.contrast("#767676", "#ffffff")).isGreaterThan(Colours.TEXT_CONTRAST);
    assertThat(Colours.written(Colours.contrast("#777777", "#ffffff"))).isEqualTo("4.47");
  }

  @Test
  void parvisDefaultsPassWithWhiteText() {
    for (String colour : new String[] {"#1f4e9c", "#0f7a5c", "#2f3542", "#b3261e"}) {
      assertThat(Colours.contrast(colour, "#ffffff")).as(colour).isGreaterThan(4.5);
    }
  }
}
