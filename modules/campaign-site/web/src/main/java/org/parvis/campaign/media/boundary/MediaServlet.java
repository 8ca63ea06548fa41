package org.parvis.campaign.media.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.parvis.campaign.media.control.MediaLibrary;

/**
 * Serves uploaded images at {@code /medias/{id}/{LARGE|MEDIUM|SMALL}}: an image never changes once
 * uploaded, so browsers and proxies keep it a year.
 */
@WebServlet("/medias/*")
public class MediaServlet extends HttpServlet {

  private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/(LARGE|MEDIUM|SMALL)");

  @Inject MediaLibrary library;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var matcher = PATH.matcher(String.valueOf(request.getPathInfo()));
    var picture =
        matcher.matches()
            ? library.picture(
                Long.parseLong(matcher.group(1)), MediaLibrary.Variant.valueOf(matcher.group(2)))
            : java.util.Optional.<MediaLibrary.Picture>empty();
    if (picture.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String etag = "\"" + matcher.group(1) + "-" + matcher.group(2) + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(picture.get().contentType());
    response.setContentLength(picture.get().bytes().length);
    response.getOutputStream().write(picture.get().bytes());
  }
}
