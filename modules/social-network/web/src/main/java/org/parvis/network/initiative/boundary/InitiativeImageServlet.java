package org.parvis.network.initiative.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.network.initiative.control.Initiatives;

/**
 * Serves an initiative's image: {@code /images/initiatives/{id}?v={version}}. The address changes
 * with each new image, so browsers and proxies may keep it for a year; the content type is the one
 * the cleaning found, and browsers are told not to guess another.
 */
@WebServlet("/images/initiatives/*")
public class InitiativeImageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Initiatives initiatives;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    long id;
    try {
      id = Long.parseLong(path == null ? "" : path.substring(1));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var image = initiatives.image(id);
    if (image.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String etag = "\"" + image.get().version() + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    // Bytes, not text: no charset (the site sets UTF-8 on every response by default).
    response.setCharacterEncoding((String) null);
    response.setContentType(image.get().contentType());
    response.setContentLength(image.get().bytes().length);
    response.getOutputStream().write(image.get().bytes());
  }
}
