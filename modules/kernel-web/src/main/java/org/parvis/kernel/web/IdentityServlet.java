package org.parvis.kernel.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.parvis.kernel.api.style.Colours;
import org.parvis.kernel.api.style.IdentityStorage.Picture;
import org.parvis.kernel.api.style.SiteIdentity;
import org.parvis.kernel.api.web.IdentitySource;

/**
 * The party's identity as files of each site: {@code theme.css} (its colours), {@code logo}, {@code
 * icone} and {@code partage} (its pictures). Addresses carry the identity's version, so browsers
 * keep them for a year and fetch them again after a change. Pictures are served with a policy that
 * runs nothing, should an SVG be opened as a page.
 */
@WebServlet(IdentityServlet.PATH + "*")
public class IdentityServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/identite/";

  private static final Map<String, Picture> PICTURES =
      Map.of("logo", Picture.LOGO, "icone", Picture.ICON, "partage", Picture.SHARE);

  @Inject transient IdentitySource source;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    var identity = source.store().current();
    if ("theme.css".equals(name)) {
      cache(request, response, identity);
      response.setContentType("text/css;charset=UTF-8");
      response.getOutputStream().write(theme(identity).getBytes(StandardCharsets.UTF_8));
      return;
    }
    var picture = PICTURES.get(name);
    var stored = picture == null ? null : source.store().picture(picture).orElse(null);
    if (stored == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    cache(request, response, identity);
    response.setContentType(stored.contentType());
    response.setHeader(
        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    response.setContentLength(stored.bytes().length);
    response.getOutputStream().write(stored.bytes());
  }

  /**
   * The colours of the three sites, over parvis.css's own: {@code html:root} outweighs its {@code
   * :root} wherever Faces places the stylesheets in the head.
   */
  static String theme(SiteIdentity identity) {
    String main = Colours.parse(identity.mainColour()).orElse(SiteIdentity.DEFAULT_MAIN);
    String accent = Colours.parse(identity.accentColour()).orElse(SiteIdentity.DEFAULT_ACCENT);
    return "html:root {\n"
        + "  --parvis-brand: "
        + main
        + ";\n"
        + "  --parvis-brand-dark: "
        + SiteIdentity.darker(main)
        + ";\n"
        + "  --parvis-network: "
        + accent
        + ";\n"
        + "  --parvis-network-dark: "
        + SiteIdentity.darker(accent)
        + ";\n"
        + "}\n";
  }

  private static void cache(
      HttpServletRequest request, HttpServletResponse response, SiteIdentity identity) {
    boolean versioned = String.valueOf(identity.version()).equals(request.getParameter("v"));
    response.setHeader(
        "Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
  }
}
