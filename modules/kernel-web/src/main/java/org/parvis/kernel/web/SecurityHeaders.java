package org.parvis.kernel.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every page carries. No inline script, no third-party origin of any kind: fonts,
 * scripts, styles and images come from Parvis itself, so a party's supporters are never tracked by
 * a third party while they read or take part.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /** Two years, as the HSTS preload list asks. Sent only over HTTPS (RFC 6797 section 7.2). */
  private static final String HSTS = "max-age=63072000; includeSubDomains";

  private SecurityHeaders() {}

  static Map<String, String> forResponse(boolean secure) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "same-origin");
    headers.put("X-Frame-Options", "DENY");
    headers.put(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    if (secure) {
      headers.put("Strict-Transport-Security", HSTS);
    }
    return headers;
  }
}
