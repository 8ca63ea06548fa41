package org.parvis.kernel.api.security;

import java.util.Locale;

/** What a sign-in notice says of a browser: enough for its holder to recognise it, nothing more. */
public final class Browsers {

  private Browsers() {}

  /** "Firefox / Linux" from a User-Agent header. */
  public static String describe(String userAgent) {
    String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
    String browser =
        ua.contains("edg/")
            ? "Edge"
            : ua.contains("firefox/")
                ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/")
                    ? "Chrome"
                    : ua.contains("safari/") ? "Safari" : ua.isEmpty() ? "?" : "other browser";
    String system =
        ua.contains("android")
            ? "Android"
            : ua.contains("iphone") || ua.contains("ipad")
                ? "iOS"
                : ua.contains("windows")
                    ? "Windows"
                    : ua.contains("mac os") ? "macOS" : ua.contains("linux") ? "Linux" : "?";
    return browser + " / " + system;
  }
}
