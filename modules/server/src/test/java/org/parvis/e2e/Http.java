package org.parvis.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a running Parvis, without following redirects. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Http() {}

  static String baseUrl() {
    return System.getProperty("parvis.e2e.baseUrl", "http://localhost:18080");
  }

  /**
   * Reads a public address as an anonymous reader until its body contains {@code expected}: readers
   * share pages and JSON for a few seconds (ReaderPages), so a count written by SQL alone (a
   * signature) shows within that delay, not at once. Fails after 10 s.
   */
  static String awaitBody(String path, String expected) {
    return org.awaitility.Awaitility.await(path + " showing " + expected)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(baseUrl() + path).body(), body -> body.contains(expected));
  }

  static HttpResponse<String> get(String url, String... headers) {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  static HttpResponse<String> postForm(String url, String body, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /**
   * Any request, as sent (method, body, headers such as X-Forwarded-For or Origin), for the tests
   * that play attackers and proxies.
   */
  static HttpResponse<String> raw(
      String method, String path, java.util.Map<String, String> headers, String body) {
    return raw(CLIENT, method, path, headers, body);
  }

  /** The same with another client (one that keeps a visitor's cookies). */
  static HttpResponse<String> raw(
      HttpClient client,
      String method,
      String path,
      java.util.Map<String, String> headers,
      String body) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(client, request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return send(CLIENT, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("No answer from " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
