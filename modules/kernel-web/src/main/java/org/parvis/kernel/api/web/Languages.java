package org.parvis.kernel.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.parvis.kernel.web.LanguageChoice;

/** The language a page is written in for a request, as every Parvis site chooses it. */
public final class Languages {

  private Languages() {}

  /**
   * The visitor's chosen language (cookie), else their browser's if Parvis speaks it, else French.
   */
  public static Locale of(HttpServletRequest request) {
    return LanguageChoice.of(request);
  }
}
