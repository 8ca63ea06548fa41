package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * One visitor with cookies, without following redirects, who submits Faces forms the way a browser
 * does (fields plus the page's view state).
 */
final class WebSession {

  final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String baseUrl;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String lastPage = "";

  /** A visitor of the Parvis the build started. */
  WebSession() {
    this(Http.baseUrl());
  }

  WebSession(String baseUrl) {
    this(baseUrl, null);
  }

  /** A visitor of {@code baseUrl} over HTTPS trusting what {@code tls} trusts (null: the JDK's). */
  WebSession(String baseUrl, javax.net.ssl.SSLContext tls) {
    this.baseUrl = baseUrl;
    var builder =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5));
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
  }

  /** Sends {@code name: value} with every request from now on (as a proxy in front would). */
  WebSession withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** A member signed in through the network's form (password only). */
  static WebSession member(String baseUrl, String email, String password) {
    var session = new WebSession(baseUrl);
    session.get("/reseau/connexion.xhtml");
    var response = session.submit("signin", "submit", Map.of("email", email, "password", password));
    if (response.statusCode() != 302 && response.statusCode() != 303) {
      throw new AssertionError("sign-in of " + email + " refused:\n" + response.body());
    }
    return session;
  }

  /** The body of a download (a ZIP, an image) with this visitor's cookies. */
  byte[] getBytes(String path) {
    try {
      var response =
          client.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  /**
   * Submits the form {@code formId} of the last page fetched, with {@code fields} and its button.
   */
  HttpResponse<String> submit(String formId, String button, Map<String, String> fields) {
    var form = form(formId);
    var file = form.selectFirst("input[type=file][name]");
    if ("multipart/form-data".equals(form.attr("enctype")) && file != null) {
      // As a browser sends a form with a file input left empty.
      return submitMultipart(
          formId, button, fields, file.attr("name"), "", "application/octet-stream", new byte[0]);
    }
    String body =
        values(form, button, fields).entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + form.attr("action")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Submits the multipart form {@code formId} of the last page fetched, like {@link #submit}, with
   * one file.
   */
  HttpResponse<String> submitMultipart(
      String formId,
      String button,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String contentType,
      byte[] content) {
    var form = form(formId);
    var values = values(form, button, fields);
    String boundary = "----parvis" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    values.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + form.attr("action")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private org.jsoup.nodes.Element form(String formId) {
    var form = Jsoup.parse(lastPage).getElementById(formId);
    if (form == null) {
      throw new AssertionError("No form #" + formId + " on the last page:\n" + lastPage);
    }
    return form;
  }

  /** What a browser sends: the hidden fields (view state included), the fields, the button. */
  private static Map<String, String> values(
      org.jsoup.nodes.Element form, String button, Map<String, String> fields) {
    var values = new LinkedHashMap<String, String>();
    for (var hidden : form.select("input[type=hidden][name]")) {
      values.put(hidden.attr("name"), hidden.val());
    }
    values.put(form.id(), form.id());
    values.putAll(fields);
    values.put(button, "x");
    return values;
  }

  /** Posts {@code fields} to {@code path} as a forged cross-site form would: no view state. */
  HttpResponse<String> postWithoutViewState(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request of the API with this visitor's cookies, e.g. {@code ("POST", path, headers...)}. */
  HttpResponse<String> call(String method, String path, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    headers.forEach(request::setHeader);
    try {
      var response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      lastPage = response.body();
      return response;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
