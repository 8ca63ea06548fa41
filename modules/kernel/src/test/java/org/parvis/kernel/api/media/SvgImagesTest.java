package org.parvis.kernel.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgImagesTest {

  private static final String NS = "xmlns=\"http://www.w3.org/2000/svg\"";

  @Test
  void aDrawingPassesAsUploaded() throws Exception {
    String logo =
        "<?xml version=\"1.0\"?><svg "
            + NS
            + " viewBox=\"0 0 64 64\"><title>Logo</title><defs><linearGradient id=\"g\">"
            + "<stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>"
            + "<rect width=\"64\" height=\"64\" fill=\"url(#g)\"/><use href=\"#g\"/>"
            + "<text x=\"4\" y=\"40\">P</text></svg>";
    byte[] bytes = logo.getBytes(StandardCharsets.UTF_8);
    assertThat(SvgImages.looksLikeSvg(bytes)).isTrue();
    assertThat(SvgImages.check(bytes)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg " + NS + "><script>alert(1)</script></svg>",
        "<svg " + NS + " onload=\"alert(1)\"/>",
        "<svg " + NS + "><a href=\"javascript:alert(1)\"><rect/></a></svg>",
        "<svg " + NS + "><image href=\"https://tracker.example/p.png\"/></svg>",
        "<svg " + NS + "><use href=\"https://elsewhere.example/sprite.svg#x\"/></svg>",
        "<svg " + NS + "><rect style=\"fill:url(https://elsewhere.example/x)\"/></svg>",
        "<svg " + NS + "><style>@import url(x.css);</style></svg>",
        "<svg " + NS + "><foreignObject><p>HTML</p></foreignObject></svg>",
        "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg " + NS + ">&x;</svg>",
        "<html><body>not a drawing</body></html>",
        "<svg " + NS + "><rect",
      })
  void anythingButADrawingIsRefused(String svg) {
    assertThatThrownBy(() -> SvgImages.check(svg.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Images.Refused.class);
  }

  @Test
  void aHugeFileIsRefusedBeforeParsing() {
    byte[] huge = new byte[SvgImages.MAX_BYTES + 1];
    assertThatThrownBy(() -> SvgImages.check(huge))
        .isInstanceOfSatisfying(
            Images.Refused.class, r -> assertThat(r.key()).isEqualTo("image.too-big"));
  }
}
