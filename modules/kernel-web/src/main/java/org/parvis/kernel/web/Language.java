package org.parvis.kernel.web;

import com.ibm.icu.text.DateIntervalFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.text.RelativeDateTimeFormatter.AbsoluteUnit;
import com.ibm.icu.text.RelativeDateTimeFormatter.Direction;
import com.ibm.icu.text.RelativeDateTimeFormatter.RelativeDateTimeUnit;
import com.ibm.icu.util.DateInterval;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.text.FieldPosition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import org.parvis.kernel.api.web.SitePaths;

/** The visitor's language for the page being rendered; used by the layout's {@code f:view}. */
@Named
@RequestScoped
public class Language {

  @Inject HttpServletRequest request;

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      locale = LanguageChoice.of(request);
    }
    return locale;
  }

  /** The language the switch offers: the one not in use. */
  public Locale getOther() {
    return getLocale().equals(LanguageChoice.FRENCH)
        ? LanguageChoice.ENGLISH
        : LanguageChoice.FRENCH;
  }

  public String getCode() {
    return getLocale().getLanguage();
  }

  /** A moment as people of the party read it: in the visitor's language, on Paris time. */
  public String dateTime(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(getLocale())
            .withZone(PARIS)
            .format(at);
  }

  /**
   * Fills an ICU MessageFormat pattern from the bundles in the visitor's language: plurals ({@code
   * {0, plural, one {# signature} other {# signatures}}}), choices by gender ({@code {1, select,
   * female {Une élue} other {Un élu}}}) and numbers grouped the local way.
   */
  public String format(String pattern, Object first) {
    return formatAll(pattern, first);
  }

  /** {@link #format(String, Object)} with two arguments, {@code {0}} and {@code {1}}. */
  public String format2(String pattern, Object first, Object second) {
    return formatAll(pattern, first, second);
  }

  private String formatAll(String pattern, Object... arguments) {
    return format(getLocale(), pattern, arguments);
  }

  /** An ICU MessageFormat pattern filled in a language (empty for no pattern). */
  public static String format(Locale locale, String pattern, Object... arguments) {
    return pattern == null
        ? ""
        : new MessageFormat(pattern, ULocale.forLocale(locale)).format(arguments);
  }

  /**
   * From one moment to another as people write it, on Paris time: "12 décembre 2026, 18:30 – 20:30"
   * on one day, both dates in full across days (ICU's interval formats).
   */
  public String interval(Instant from, Instant to) {
    return interval(getLocale(), from, to);
  }

  /** {@link #interval(Instant, Instant)} in a language. */
  static String interval(Locale language, Instant from, Instant to) {
    if (from == null) {
      return "";
    }
    var format = DateIntervalFormat.getInstance("yMMMMdHm", ULocale.forLocale(language));
    format.setTimeZone(TimeZone.getTimeZone(PARIS.getId()));
    long start = from.toEpochMilli();
    long end = to == null || to.isBefore(from) ? start : to.toEpochMilli();
    return format
        .format(new DateInterval(start, end), new StringBuffer(), new FieldPosition(0))
        .toString();
  }

  /** A day written in full in the visitor's language ("31 mars 2027"). */
  public String day(LocalDate day) {
    return day == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(day);
  }

  /** A moment for a {@code datetime} attribute: UTC, to the second. */
  public String iso(Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  /** How long ago a moment was, in words ("il y a 3 heures", "3 hours ago"). */
  public String ago(Instant at) {
    if (at == null) {
      return "";
    }
    var formatter = RelativeDateTimeFormatter.getInstance(ULocale.forLocale(getLocale()));
    long seconds = Duration.between(at, Instant.now()).getSeconds();
    if (seconds < 60) {
      return formatter.format(Direction.PLAIN, AbsoluteUnit.NOW);
    }
    long minutes = seconds / 60;
    long hours = minutes / 60;
    long days = hours / 24;
    if (minutes < 60) {
      return formatter.formatNumeric(-minutes, RelativeDateTimeUnit.MINUTE);
    }
    if (hours < 24) {
      return formatter.formatNumeric(-hours, RelativeDateTimeUnit.HOUR);
    }
    if (days < 30) {
      return formatter.formatNumeric(-days, RelativeDateTimeUnit.DAY);
    }
    return dateTime(at);
  }

  /** The month and year of a moment, e.g. "novembre 2026". */
  public String monthYear(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofPattern("MMMM yyyy", getLocale()).withZone(PARIS).format(at);
  }

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /**
   * The address of this page in the given language: the same path and every query parameter of a
   * GET, with {@code lang} set (the switch stores it and redirects back without it). After a form
   * was posted, the path alone: posted fields never go into a link. On an error page, the path that
   * failed.
   */
  public String switchTo(String code) {
    String failed = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String here;
    if (failed != null) {
      here = SitePaths.local(failed);
    } else if ("GET".equals(request.getMethod())) {
      here = SitePaths.of(request, Set.of(LanguageChoice.PARAMETER));
    } else {
      here = SitePaths.local(request.getRequestURI());
    }
    String wanted = LanguageChoice.supported(code).orElse(getLocale()).getLanguage();
    return here + (here.contains("?") ? "&" : "?") + LanguageChoice.PARAMETER + "=" + wanted;
  }

  public String getOtherName() {
    Locale other = getOther();
    String name = other.getDisplayLanguage(other);
    return name.substring(0, 1).toUpperCase(other) + name.substring(1);
  }
}
