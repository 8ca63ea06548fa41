package org.parvis.network.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.Languages;
import org.parvis.network.site.boundary.ReaderPages.Key;
import org.parvis.network.site.boundary.ReaderPages.Page;

/**
 * Serves the public pages to anonymous readers from {@link ReaderPages}: a request without a
 * session (nor credentials) for one of the public addresses gets the page rendered for the previous
 * reader of the same address in the same language, without rendering; a reader who already holds it
 * ({@code If-None-Match}) gets 304 without a body. Everything else (members, forms, the member's
 * own pages, posts) is rendered as before. Responses say how proxies may keep them: {@code
 * Cache-Control} with a short freshness and {@code stale-while-revalidate}, {@code ETag}, and
 * {@code Vary} on what picks the language and the session. The header {@code X-Parvis-Cache} says
 * {@code hit}, {@code miss} or nothing (not cacheable).
 */
@WebFilter(urlPatterns = "/*")
public class ReaderPageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The public addresses readers share (under the network's context). */
  private static final Set<String> PAGES =
      Set.of(
          "/",
          "/index.xhtml",
          "/initiatives/",
          "/initiatives/index.xhtml",
          "/initiatives/voir.xhtml",
          "/initiatives/historique.xhtml",
          "/territoires/voir.xhtml",
          "/membres/profil.xhtml",
          "/classements.xhtml",
          "/badges.xhtml",
          "/transparence.xhtml");

  /** The public JSON and feeds readers share. */
  private static final Pattern SHARED =
      Pattern.compile("/api/(initiatives|territoires|membres)(/[^/]+)*|/flux/.*");

  /** The longest query string kept (longer ones are rendered each time). */
  static final int MAX_QUERY = 300;

  /** The largest body kept. */
  static final int MAX_BODY = 2 * 1024 * 1024;

  /** How long a reader waits for another's rendering of the same address. */
  static final long WAIT_MILLIS = 5_000;

  public static final String HEADER = "X-Parvis-Cache";

  @Inject ReaderPages pages;

  @Inject
  @ConfigProperty(name = "parvis.diagnostics.sql-statements")
  boolean diagnostics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Key key = key(request);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    if (diagnostics) {
      response.setHeader(HEADER + "-Generation", Long.toString(pages.generation()));
    }
    var kept = pages.find(key);
    if ("HEAD".equals(request.getMethod())) {
      // A HEAD's rendering has no body to keep: served from a kept page, or rendered as before.
      if (kept.isPresent()) {
        serve(kept.get(), request, response, "hit");
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (kept.isPresent()) {
      var page = kept.get();
      if (page.fresh() || !page.claimRenewal()) {
        serve(page, request, response, "hit");
        return;
      }
      // This reader renders the stale page again; the others get the copy meanwhile. Unless a new
      // page is kept, the next reader tries again (a failed rendering included).
      Optional<Page> renewed = Optional.empty();
      try {
        renewed = render(key, request, response, chain, p -> {});
      } finally {
        if (renewed.isEmpty()) {
          page.renewalDropped();
        }
      }
      return;
    }
    var rendering = pages.joinRendering(key);
    if (!rendering.mine()) {
      var page = await(rendering.page());
      if (page.isPresent()) {
        serve(page.get(), request, response, "hit");
      } else {
        chain.doFilter(request, response); // the other reader's page could not be kept
      }
      return;
    }
    var handedOver = new boolean[1];
    try {
      render(
          key,
          request,
          response,
          chain,
          page -> {
            handedOver[0] = true;
            pages.rendered(key, rendering, page);
          });
    } finally {
      if (!handedOver[0]) {
        pages.rendered(key, rendering, Optional.empty());
      }
    }
  }

  /**
   * Renders the page for this reader, keeps it if it can be shared, hands it to the readers waiting
   * for it, then sends it.
   */
  private Optional<Page> render(
      Key key,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      java.util.function.Consumer<Optional<Page>> handOver)
      throws IOException, ServletException {
    long generation = pages.generation();
    var captured = new Captured(response);
    chain.doFilter(request, captured);
    captured.flushWriter();
    byte[] body = captured.body.toByteArray();
    String type = captured.getContentType();
    boolean shareable =
        captured.status == HttpServletResponse.SC_OK
            && !captured.cookieSet
            && !captured.privateAnswer
            && request.getSession(false) == null
            && body.length <= MAX_BODY
            && expected(key.path(), type)
            && !response.isCommitted();
    Optional<Page> kept = Optional.empty();
    if (shareable) {
      String etag = captured.etag != null ? captured.etag : etag(body);
      var headers = new ArrayList<>(captured.headers);
      headers.add(Map.entry("Content-Type", type));
      var page = pages.page(headers, body, etag, generation);
      if (pages.keep(key, page)) {
        kept = Optional.of(page);
      }
    }
    handOver.accept(kept);
    if (kept.isPresent()) {
      serve(kept.get(), request, response, "miss");
    } else {
      captured.sendAsIs(body);
    }
    return kept;
  }

  /**
   * Whether a rendering has the type its address gives (a page HTML, the API JSON, a feed XML): an
   * answer of another shape (a Faces partial response, an error) is never shared.
   */
  static boolean expected(String path, String type) {
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    if (path.startsWith("/api/")) {
      return t.startsWith("application/json");
    }
    if (path.startsWith("/flux/")) {
      return t.contains("xml");
    }
    return t.startsWith("text/html");
  }

  /** Sends a kept page, or 304 when the reader holds it already. */
  private void serve(
      Page page, HttpServletRequest request, HttpServletResponse response, String how)
      throws IOException {
    response.setHeader(HEADER, how);
    response.setHeader("ETag", page.etag());
    // Proxies and browsers keep it no longer than it stays fresh here, then briefly while they
    // ask again: a hidden comment leaves every copy within seconds.
    response.setHeader(
        "Cache-Control",
        "public, max-age="
            + page.freshSecondsLeft()
            + ", stale-while-revalidate="
            + pages.freshSeconds());
    response.setHeader("Age", Long.toString(page.age()));
    response.setHeader("Vary", "Accept-Language, Cookie");
    if (holds(request.getHeader("If-None-Match"), page.etag())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    var named = new java.util.HashSet<String>();
    for (var header : page.headers()) {
      if (named.add(header.getKey().toLowerCase(Locale.ROOT))) {
        response.setHeader(header.getKey(), header.getValue());
      } else {
        response.addHeader(header.getKey(), header.getValue());
      }
    }
    response.setContentLength(page.body().length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(page.body());
    }
  }

  /** Whether an {@code If-None-Match} names this validator (or any, with {@code *}). */
  static boolean holds(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      t = t.startsWith("W/") ? t.substring(2) : t;
      if (t.equals("*") || t.equals(bare)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The address a request shares with other readers, or null when its answer is its own: not a GET
   * or HEAD, a session or credentials, not a public address, a query too long, or (diagnostics
   * only, for the statement-count tests) a request asking for a fresh rendering.
   */
  Key key(HttpServletRequest request) {
    if (!pages.enabled()) {
      return null;
    }
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return null;
    }
    if (request.getRequestedSessionId() != null
        || request.getHeader("Authorization") != null
        || hasSessionCookie(request)) {
      return null;
    }
    if (diagnostics && "no-cache".equals(request.getHeader("Cache-Control"))) {
      return null;
    }
    if (request.getHeader("Faces-Request") != null || facesParameter(request)) {
      return null; // a Faces partial request or post-back answers that request alone
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!PAGES.contains(path) && !SHARED.matcher(path).matches()) {
      return null;
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    if (query.length() > MAX_QUERY) {
      return null;
    }
    return new Key(path, query, Languages.of(request).getLanguage(), Clients.secure(request));
  }

  private static boolean facesParameter(HttpServletRequest request) {
    var names = request.getParameterNames();
    while (names.hasMoreElements()) {
      if (names.nextElement().startsWith("jakarta.faces")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      String name = cookie.getName().toUpperCase(Locale.ROOT);
      if (name.contains("SESSION")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Page> await(java.util.concurrent.CompletableFuture<Optional<Page>> page) {
    try {
      return page.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  /** A strong validator: a digest of the body. */
  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The response of a rendering held in memory with what it set: status, headers, cookies, type.
   * Nothing reaches the reader before {@link #sendAsIs} or the filter's {@code serve}.
   */
  private static final class Captured extends HttpServletResponseWrapper {

    final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    int status = SC_OK;
    boolean cookieSet;
    boolean privateAnswer;
    String etag;
    private PrintWriter writer;
    private ServletOutputStream stream;

    Captured(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      status = sc;
      body.reset();
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      body.reset();
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      status = SC_FOUND;
      body.reset();
      super.sendRedirect(location);
    }

    @Override
    public void setDateHeader(String name, long date) {
      note(name, httpDate(date), true);
      super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
      note(name, httpDate(date), false);
      super.addDateHeader(name, date);
    }

    @Override
    public void setIntHeader(String name, int value) {
      note(name, Integer.toString(value), true);
      super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
      note(name, Integer.toString(value), false);
      super.addIntHeader(name, value);
    }

    private static String httpDate(long millis) {
      return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
          java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC));
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookieSet = true;
      super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
      note(name, value, true);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      note(name, value, false);
      super.addHeader(name, value);
    }

    private void note(String name, String value, boolean replace) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("set-cookie")) {
        cookieSet = true;
        return;
      }
      if (lower.equals("content-type")) {
        return; // read from the response once rendered (with its charset)
      }
      if (lower.equals("etag")) {
        etag = value;
      }
      if (lower.equals("cache-control")) {
        String v = value.toLowerCase(Locale.ROOT);
        privateAnswer |= v.contains("no-store") || v.contains("private");
      }
      if (lower.equals("content-length")
          || lower.startsWith("x-parvis")
          || lower.equals("cache-control")
          || lower.equals("vary")
          || lower.equals("expires")
          || lower.equals("pragma")) {
        return; // the filter says these itself
      }
      if (replace) {
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
      }
      headers.add(Map.entry(name, value));
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new HeldBody(body);
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    body,
                    encoding == null
                        ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(encoding)));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      flushWriter();
    }

    @Override
    public void resetBuffer() {
      flushWriter();
      body.reset();
    }

    @Override
    public void reset() {
      resetBuffer();
      headers.clear();
      status = SC_OK;
      etag = null;
      super.reset();
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }

    /** Sends what was rendered as it is (not shared). */
    void sendAsIs(byte[] content) throws IOException {
      var response = (HttpServletResponse) getResponse();
      if (response.isCommitted() || content.length == 0) {
        if (content.length > 0) {
          response.getOutputStream().write(content);
        }
        return;
      }
      response.setContentLength(content.length);
      response.getOutputStream().write(content);
    }
  }
}
