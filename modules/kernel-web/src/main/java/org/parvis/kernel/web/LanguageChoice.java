package org.parvis.kernel.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Parvis speaks, French first, and how a visitor's language is chosen. */
public final class LanguageChoice {

  static final Locale FRENCH = Locale.FRENCH;
  static final Locale ENGLISH = Locale.ENGLISH;
  static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);
  static final String COOKIE = "parvis-lang";
  static final String PARAMETER = "lang";

  private LanguageChoice() {}

  /** A language code the visitor asked for, if Parvis speaks it. */
  static Optional<Locale> supported(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return SUPPORTED.stream()
        .filter(l -> l.getLanguage().equalsIgnoreCase(code.strip()))
        .findFirst();
  }

  /**
   * The request's language: its cookie, else its Accept-Language (ignored when absent, since the
   * container then answers its own default locale), else French.
   */
  public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
    String cookie =
        request.getCookies() == null
            ? null
            : java.util.Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(jakarta.servlet.http.Cookie::getValue)
                .findFirst()
                .orElse(null);
    return resolve(
        cookie,
        request.getHeader("Accept-Language") == null
            ? Collections.emptyEnumeration()
            : request.getLocales());
  }

  /**
   * The explicit choice (cookie) wins; otherwise the first supported language of the browser's
   * Accept-Language list; otherwise French.
   */
  static Locale resolve(String cookieValue, Enumeration<Locale> acceptLanguages) {
    var chosen = supported(cookieValue);
    if (chosen.isPresent()) {
      return chosen.get();
    }
    for (Locale accepted : Collections.list(acceptLanguages)) {
      var match = supported(accepted.getLanguage());
      if (match.isPresent()) {
        return match.get();
      }
    }
    return FRENCH;
  }
}
