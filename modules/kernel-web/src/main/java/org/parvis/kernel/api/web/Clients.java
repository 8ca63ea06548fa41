package org.parvis.kernel.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is on the other end of a request, seen through the reverse proxies the party declared in
 * {@code parvis.trusted-proxies} ({@code PARVIS_TRUSTED_PROXIES}, addresses or CIDR blocks, default
 * none): the client's address for throttles and security logs, and whether the visitor's connection
 * is HTTPS (for HSTS and secure cookies). Forwarded headers from anyone else are ignored.
 */
public final class Clients {

  /** Read once: every request asks, and the configuration does not change while Parvis runs. */
  private static volatile TrustedProxies proxies;

  private Clients() {}

  /** The visitor's IP address. */
  public static String address(HttpServletRequest request) {
    return proxies()
        .client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /** Whether the visitor reached Parvis over HTTPS, directly or through a trusted proxy. */
  public static boolean secure(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    var proxies = proxies();
    if (proxies.isEmpty() || !proxies.trusts(request.getRemoteAddr())) {
      return false;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip());
  }

  /** Whether the request comes straight from one of the trusted proxies. */
  public static boolean trustedProxy(HttpServletRequest request) {
    return proxies().trusts(request.getRemoteAddr());
  }

  private static TrustedProxies proxies() {
    var read = proxies;
    if (read == null) {
      read =
          TrustedProxies.parse(
              ConfigProvider.getConfig()
                  .getOptionalValue("parvis.trusted-proxies", String.class)
                  .orElse(""));
      proxies = read;
    }
    return read;
  }
}
