package org.parvis.kernel.api.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * The long-lived cookie by which a site recognises a browser its account holders signed in from (a
 * random token; the database keeps its digest). HttpOnly, SameSite=Lax, Secure over HTTPS, for the
 * site's own path only.
 */
public final class DeviceCookie {

  static final Duration LIFETIME = Duration.ofDays(400);

  private DeviceCookie() {}

  /** The token the browser sent under {@code name}, or null. */
  public static String read(HttpServletRequest request, String name) {
    if (request.getCookies() == null) {
      return null;
    }
    String value = null;
    for (var cookie : request.getCookies()) {
      if (name.equals(cookie.getName())) {
        value = cookie.getValue();
      }
    }
    return value;
  }

  public static void write(
      HttpServletRequest request, HttpServletResponse response, String name, String token) {
    var cookie = new Cookie(name, token);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setHttpOnly(true);
    cookie.setSecure(Clients.secure(request));
    cookie.setMaxAge((int) LIFETIME.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }
}
