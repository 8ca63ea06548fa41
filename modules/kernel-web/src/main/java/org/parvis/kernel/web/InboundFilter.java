package org.parvis.kernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.SitePaths;

/**
 * The first thing every request of every Parvis web application meets, in this order: the security
 * headers; a session id in the address refused (cookies only); parameters that cannot be decoded
 * (invalid UTF-8, a body over the limit, a multipart body without boundary) answered 400 or 413 in
 * the visitor's language; forged form posts refused (a view state of "stateless", or an {@code
 * Origin}/{@code Referer} of another site); signed-in pages kept out of caches; the language
 * switch; and every parameter value cleaned by {@link CleanParameters} so that no stored text holds
 * a character outside {@link org.parvis.kernel.api.text.StoredText}'s rule. One filter, so that the
 * order is fixed (the container does not order annotated filters).
 */
@WebFilter(
    filterName = "parvisInbound",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class InboundFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(InboundFilter.class.getName());
  private static final String VIEW_STATE = "jakarta.faces.ViewState";

  /** Grizzly's limit on a form body (Payara's max-post-size-bytes default). */
  private static final long FORM_LIMIT = 2L * 1024 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SecurityHeaders.forResponse(Clients.secure(request)).forEach(response::setHeader);
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      chain.doFilter(request, response);
      return;
    }
    if (request.isRequestedSessionIdFromURL()) {
      sessionIdInAddress(request, response);
      return;
    }
    if (!QueryStrings.decodable(request.getQueryString())) {
      refuse(request, response, 400, "malformed");
      return;
    }
    Map<String, String[]> parameters;
    try {
      if (request.getAttribute(EarlyParameters.UNDECODABLE) instanceof RuntimeException early) {
        throw early;
      }
      parameters = request.getParameterMap();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "undecodable request parameters", e);
      boolean tooLarge =
          request.getContentLengthLong() > FORM_LIMIT
              || String.valueOf(e.getMessage()).contains("too large");
      if (tooLarge) {
        drain(request);
        response.setHeader("Connection", "close");
      }
      refuse(request, response, tooLarge ? 413 : 400, tooLarge ? "too-large" : "malformed");
      return;
    }
    String[] viewState = parameters.get(VIEW_STATE);
    if ("POST".equals(request.getMethod()) && viewState != null) {
      if (Arrays.stream(viewState)
          .anyMatch(v -> v == null || v.isBlank() || "stateless".equals(v))) {
        refuse(request, response, 400, "malformed");
        return;
      }
      if (!sameSite(request.getHeader("Origin"), request.getHeader("Referer"), ownHosts(request))) {
        refuse(request, response, 403, "cross-site");
        return;
      }
    }
    if (request.getRequestedSessionId() != null && isPage(request)) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (LanguageSwitch.handle(request, response)) {
      return;
    }
    chain.doFilter(CleanParameters.of(request, parameters), response);
  }

  /**
   * Reads and drops what is left of a refused body (up to 16 MB), so that the client, still
   * sending, reads the answer instead of waiting on a full socket; the connection is then closed.
   */
  private static void drain(HttpServletRequest request) {
    try (var in = request.getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long left = 16L * 1024 * 1024;
      int read;
      while (left > 0 && (read = in.read(buffer)) > 0) {
        left -= read;
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "refused body not drained", e);
    }
  }

  private static void sessionIdInAddress(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      refuse(request, response, 400, "malformed");
      return;
    }
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location",
        SitePaths.local(request.getRequestURI())
            + (query == null || query.isEmpty() ? "" : "?" + query));
  }

  /**
   * A form post is from this site when its {@code Origin} (or, without one, its {@code Referer})
   * names the host the request was sent to. Browsers send one of them with every form post; a
   * request with neither (a script, a privacy extension) still needs a valid view state.
   */
  static boolean sameSite(String origin, String referer, java.util.Collection<String> hosts) {
    if ("null".equals(origin)) {
      // A sandboxed frame or a page opened from a file: never one of this site's forms.
      return false;
    }
    String source = origin != null ? origin : referer;
    if (source == null) {
      return true;
    }
    try {
      var uri = URI.create(source.strip());
      if (uri.getHost() == null) {
        return false;
      }
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return hosts.stream()
          .filter(java.util.Objects::nonNull)
          .map(String::strip)
          .anyMatch(
              host ->
                  authority.equalsIgnoreCase(host)
                      || (uri.getPort() < 0
                          && stripDefaultPort(host).equalsIgnoreCase(uri.getHost())));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The host names this request may come from: the one it was sent to, the configured public
   * addresses of both sides (a proxy may rewrite {@code Host}), and {@code X-Forwarded-Host} when a
   * trusted proxy sets it.
   */
  private static java.util.List<String> ownHosts(HttpServletRequest request) {
    var hosts = new java.util.ArrayList<String>();
    hosts.add(request.getHeader("Host"));
    var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
    for (String property :
        java.util.List.of("parvis.network.public-url", "parvis.brand.public-url")) {
      config
          .getOptionalValue(property, String.class)
          .map(InboundFilter::authority)
          .ifPresent(hosts::add);
    }
    String forwarded = request.getHeader("X-Forwarded-Host");
    if (forwarded != null && Clients.trustedProxy(request)) {
      hosts.add(forwarded.split(",")[0]);
    }
    return hosts;
  }

  private static String authority(String url) {
    try {
      return URI.create(url.strip()).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String stripDefaultPort(String host) {
    String h = host.strip();
    return h.endsWith(":80") || h.endsWith(":443") ? h.substring(0, h.lastIndexOf(':')) : h;
  }

  private static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.contains("jakarta.faces.resource") && !path.startsWith("/medias/");
  }

  /** The party's name (configuration), escaped for HTML. */
  private static String partyName() {
    return org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("parvis.party.name", String.class)
        .orElse("Parvis")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** An answer to a request Parvis will not process, in the visitor's language, without Faces. */
  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String reason)
      throws IOException {
    Locale locale = LanguageChoice.of(request);
    var bundle = ResourceBundle.getBundle("org.parvis.kernel.web.messages", locale);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String title = bundle.getString("error.request." + reason + ".title");
    String text = bundle.getString("error.request." + reason + ".text");
    String home = request.getContextPath().isEmpty() ? "/" : request.getContextPath() + "/";
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\""
                + locale.getLanguage()
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>"
                + title
                + "</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath()
                + "/jakarta.faces.resource/parvis.css.xhtml?ln=parvis\"></head><body>"
                + "<header class=\"site-header\"><div class=\"wrap\"><p class=\"site-name\">"
                + "<a href=\""
                + home
                + "\">"
                + partyName()
                + "</a></p></div></header><main id=\"content\" class=\"wrap\"><h1>"
                + title
                + "</h1><p class=\"messages\" role=\"alert\"><span class=\"error\">"
                + text
                + "</span></p><p><a href=\""
                + home
                + "\">"
                + bundle.getString("error.home")
                + "</a></p></main></body></html>");
  }
}
