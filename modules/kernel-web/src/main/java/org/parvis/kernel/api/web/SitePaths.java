package org.parvis.kernel.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Paths of this site for a {@code Location} header. A request's path can begin with {@code //} or
 * {@code /\} ({@code GET //evil.example/}), which a browser reads as another host: the path is
 * rebuilt so that it always starts with exactly one slash, carries no session id and holds nothing
 * but printable ASCII. Never built from {@code Host}: redirects are relative.
 */
public final class SitePaths {

  private static final Pattern LEADING = Pattern.compile("^[/\\\\\\s]+");
  private static final Pattern SESSION_ID = Pattern.compile("(?i);jsessionid=[^/?#]*");
  private static final Pattern UNPRINTABLE = Pattern.compile("[^\\x21-\\x7e]");

  private SitePaths() {}

  /** A path on this site: never another host, never a scheme. */
  public static String local(String requestUri) {
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

  /**
   * The address of a GET request as a path of this site, its parameters re-encoded from their
   * decoded values, those named in {@code left} left out.
   */
  public static String of(HttpServletRequest request, Set<String> left) {
    String query =
        request.getParameterMap().entrySet().stream()
            .filter(e -> !left.contains(e.getKey()))
            .flatMap(
                e -> Arrays.stream(e.getValue()).map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    return local(request.getRequestURI()) + (query.isEmpty() ? "" : "?" + query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
