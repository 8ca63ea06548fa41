package org.parvis.campaign.agenda.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * Writes events as iCalendar (RFC 5545), the format every calendar application imports: UTC times,
 * text escaped, lines folded at 75 octets without splitting a character, CRLF line ends. Each event
 * keeps its UID and raises its SEQUENCE when it changes, so a subscribed calendar updates it (and
 * learns a cancellation) instead of adding a copy.
 */
public final class ICalendar {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ICalendar() {}

  /**
   * The calendar of these events.
   *
   * @param name the calendar's name, shown by applications
   * @param host the site's host name, to make UIDs unique worldwide
   * @param pageUrl the public address of an event's page, without its slug
   */
  public static String of(
      List<Agenda.Event> events, String name, String host, String pageUrl, Instant now) {
    var out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Parvis//Agenda//FR");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    line(out, "X-WR-TIMEZONE:Europe/Paris");
    for (var e : events) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:event-" + e.id() + "@" + host);
      line(out, "DTSTAMP:" + UTC.format(now));
      line(out, "LAST-MODIFIED:" + UTC.format(e.updatedAt()));
      line(out, "SEQUENCE:" + e.sequence());
      line(out, "DTSTART:" + UTC.format(e.startsAt()));
      line(out, "DTEND:" + UTC.format(e.endsAt()));
      line(out, "SUMMARY:" + text(e.title()));
      String description = SafeHtml.plainText(e.description());
      if (e.onlineUrl() != null) {
        description = description + "\n" + e.onlineUrl();
      }
      if (!description.isBlank()) {
        line(out, "DESCRIPTION:" + text(description.strip()));
      }
      line(out, "LOCATION:" + text(e.place() + ", " + e.territoryName()));
      line(out, "URL:" + pageUrl + e.slug());
      line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value: backslash, semicolon, comma and line ends escaped. */
  static String text(String value) {
    return String.valueOf(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Appends a content line folded at 75 octets (continuations start with a space). */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 1;
        limit = 75;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
