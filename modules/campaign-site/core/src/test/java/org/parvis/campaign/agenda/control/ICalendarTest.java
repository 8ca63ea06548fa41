package org.parvis.campaign.agenda.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The agenda's iCalendar files, read back by an independent parser (ical4j). */
class ICalendarTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static Agenda.Event event(long id, String title, String description, boolean cancelled) {
    return new Agenda.Event(
        id,
        "2026-12-05-reunion-" + id,
        title,
        Agenda.Kind.MEETING,
        Instant.parse("2026-12-05T17:30:00Z"),
        Instant.parse("2026-12-05T19:30:00Z"),
        "Salle des fêtes; 2, place de la Mairie",
        null,
        "COMMUNE",
        "23096",
        "Guéret",
        description,
        true,
        cancelled,
        cancelled ? 2 : 0,
        NOW);
  }

  @Test
  void aCalendarAppReadsEveryEventBackExactly() throws Exception {
    String long_ = "Réunion publique sur les transports — ".repeat(8).strip();
    String ics =
        ICalendar.of(
            List.of(
                event(
                    1,
                    "Réunion publique, transports; bus \\ car",
                    "<p>Venez <b>nombreux</b></p>\n<p>Ligne 2</p>",
                    false),
                event(2, long_, "", true)),
            "Parti de l’exemple",
            "parti.example",
            "https://parti.example/agenda/evenement.xhtml?slug=",
            NOW);

    assertThat(ics).contains("\r\n").doesNotContain("\n\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length)
          .as("folded at 75 octets: %s", line)
          .isLessThanOrEqualTo(75);
    }
    var calendar = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(2);
    var first = events.get(0);
    assertThat(value(first, "SUMMARY")).isEqualTo("Réunion publique, transports; bus \\ car");
    assertThat(value(first, "DESCRIPTION")).isEqualTo("Venez nombreux Ligne 2");
    assertThat(value(first, "LOCATION"))
        .isEqualTo("Salle des fêtes; 2, place de la Mairie, Guéret");
    assertThat(value(first, "UID")).isEqualTo("event-1@parti.example");
    assertThat(value(first, "DTSTART")).isEqualTo("20261205T173000Z");
    assertThat(value(first, "STATUS")).isEqualTo("CONFIRMED");
    var second = events.get(1);
    assertThat(value(second, "SUMMARY")).isEqualTo(long_);
    assertThat(value(second, "STATUS")).isEqualTo("CANCELLED");
    assertThat(value(second, "SEQUENCE")).isEqualTo("2");
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }
}
