package org.parvis.kernel.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

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
  public String dateTime(java.time.Instant at) {
    return at == null
        ? ""
        : java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
            .withLocale(getLocale())
            .withZone(PARIS)
            .format(at);
  }

  /** The month and year of a moment, e.g. "novembre 2026". */
  public String monthYear(java.time.Instant at) {
    return at == null
        ? ""
        : java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", getLocale())
            .withZone(PARIS)
            .format(at);
  }

  private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

  public String getOtherName() {
    Locale other = getOther();
    String name = other.getDisplayLanguage(other);
    return name.substring(0, 1).toUpperCase(other) + name.substring(1);
  }
}
