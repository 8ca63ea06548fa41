package org.parvis.kernel.web;

import java.util.regex.Pattern;

/**
 * Paths of this site for a {@code Location} header. A request's path can begin with {@code //} or
 * {@code /\} ({@code GET //evil.example/}), which a browser reads as another host: the path is
 * rebuilt so that it always starts with exactly one slash, carries no session id and holds nothing
 * but printable ASCII.
 */
final class SitePaths {

  private static final Pattern LEADING = Pattern.compile("^[/\\\\\\s]+");
  private static final Pattern SESSION_ID = Pattern.compile("(?i);jsessionid=[^/?#]*");
  private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x21-\\x7e]");

  private SitePaths() {}

  /** A path on this site: never another host, never a scheme. */
  static String local(String requestUri) {
    String path = requestUri == null ? "" : requestUri;
    path = UNPRINTABLE.matcher(path).replaceAll("");
    path = SESSION_ID.matcher(path).replaceAll("");
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    path = path.replace('\\', '/');
    return "/" + LEADING.matcher(path).replaceAll("");
  }
}
