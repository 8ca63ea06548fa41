package org.parvis.network.feed.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * Sharing on Mastodon, where every reader has their own instance: the share form sends the instance
 * the reader typed, and this sends them on to its share page. Only a bare host name is accepted (no
 * scheme, port, path or credentials), so the redirect can only go to {@code https://<host>/share}.
 */
@WebServlet("/partager/mastodon")
public class MastodonShareServlet extends HttpServlet {

  static final Pattern HOST =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String instance =
        String.valueOf(request.getParameter("instance")).strip().toLowerCase(Locale.ROOT);
    if (instance.startsWith("https://")) {
      instance = instance.substring("https://".length());
    }
    if (instance.endsWith("/")) {
      instance = instance.substring(0, instance.length() - 1);
    }
    String text = request.getParameter("texte");
    if (!HOST.matcher(instance).matches() || text == null || text.length() > 1_000) {
      var bundle =
          ResourceBundle.getBundle(
              "org.parvis.network.web.messages",
              request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH);
      response.setContentType("text/plain;charset=UTF-8");
      response.sendError(
          HttpServletResponse.SC_BAD_REQUEST, bundle.getString("share.mastodon.invalid"));
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect("https://" + instance + "/share?text=" + Sharing.encode(text));
  }
}
