package org.parvis.kernel.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Set;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.SitePaths;

/**
 * The language switch: {@code ?lang=en} on any page stores the choice in a cookie shared by the
 * brand site, the network and the console, then redirects to the same address without the parameter
 * (so the choice is never part of a link that gets shared). The redirect's target is a path of this
 * site rebuilt from the request's path and parameters, never an address a visitor could point
 * elsewhere.
 */
final class LanguageSwitch {

  private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

  private LanguageSwitch() {}

  /** Whether the request asked for a language (and was answered with a redirect). */
  static boolean handle(HttpServletRequest request, HttpServletResponse response) {
    String requested = request.getParameter(LanguageChoice.PARAMETER);
    if (requested == null || !"GET".equals(request.getMethod())) {
      return false;
    }
    var language = LanguageChoice.supported(requested);
    if (language.isPresent()) {
      var cookie = new Cookie(LanguageChoice.COOKIE, language.get().getLanguage());
      cookie.setPath("/");
      cookie.setMaxAge(ONE_YEAR);
      cookie.setHttpOnly(true);
      cookie.setSecure(Clients.secure(request));
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", withoutLanguage(request));
    return true;
  }

  private static String withoutLanguage(HttpServletRequest request) {
    return SitePaths.of(request, Set.of(LanguageChoice.PARAMETER));
  }
}
