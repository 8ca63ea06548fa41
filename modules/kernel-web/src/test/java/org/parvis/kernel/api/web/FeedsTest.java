package org.parvis.kernel.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedsTest {

  @Test
  void rowsStoredWithControlCharactersStillMakeAValidFeed() throws Exception {
    var entry =
        Feeds.entry(
            "http://localhost/reseau/initiatives/voir.xhtml?id=1",
            "Piste\u000b cyclable",
            "http://localhost/reseau/initiatives/voir.xhtml?id=1",
            "avis \u0000\u0001\u001b tranché",
            "Jeanne\u0085 Barret",
            Instant.parse("2026-11-02T10:00:00Z"),
            null);
    var feed =
        Feeds.feed(
            "Initiatives\u0007", "http://localhost/reseau/initiatives/", "x\u0008", List.of(entry));
    for (String type : List.of("atom_1.0", "rss_2.0")) {
      feed.setFeedType(type);
      String xml = new SyndFeedOutput().outputString(feed);
      assertThat(xml).contains("Piste cyclable", "avis  tranché", "Jeanne Barret");
    }
  }
}
