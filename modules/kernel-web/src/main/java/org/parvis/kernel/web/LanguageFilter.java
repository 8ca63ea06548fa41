package org.parvis.kernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Handles the language switch: {@code ?lang=en} on any page stores the choice in a cookie shared by
 * the brand site, the network and the console, then redirects to the same address without the
 * parameter (so the choice is never part of a link that gets shared).
 */
@WebFilter(
    filterName = "parvisLanguage",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST)
public class LanguageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requested = request.getParameter(LanguageChoice.PARAMETER);
    if (requested == null || !"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    var language = LanguageChoice.supported(requested);
    if (language.isPresent()) {
      var cookie = new Cookie(LanguageChoice.COOKIE, language.get().getLanguage());
      cookie.setPath("/");
      cookie.setMaxAge(ONE_YEAR);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", withoutLanguage(request));
  }

  private static String withoutLanguage(HttpServletRequest request) {
    String query =
        request.getParameterMap().entrySet().stream()
            .filter(e -> !e.getKey().equals(LanguageChoice.PARAMETER))
            .flatMap(
                e ->
                    java.util.Arrays.stream(e.getValue())
                        .map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
