package org.parvis.campaign.news.boundary;

import com.rometools.rome.feed.synd.SyndEntry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.ResourceBundle;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.campaign.site.boundary.BrandSite;
import org.parvis.kernel.api.web.Feeds;

/** The news as RSS 2.0 ({@code /flux/actualites.rss}) and Atom 1.0 ({@code .atom}). */
@WebServlet("/flux/*")
public class NewsFeedServlet extends HttpServlet {

  static final int ENTRIES = 30;

  @Inject Newsroom newsroom;
  @Inject BrandSite site;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = String.valueOf(request.getPathInfo());
    boolean english = "en".equals(request.getParameter("lang"));
    var bundle =
        ResourceBundle.getBundle(
            "org.parvis.campaign.web.messages", english ? Locale.ENGLISH : Locale.FRENCH);
    if (!path.equals("/actualites.rss") && !path.equals("/actualites.atom")) {
      response.setContentType("text/plain;charset=UTF-8");
      response.sendError(HttpServletResponse.SC_NOT_FOUND, bundle.getString("feed.unknown"));
      return;
    }
    var entries = new ArrayList<SyndEntry>();
    for (var a : newsroom.latest(ENTRIES)) {
      String link = site.url("/actualites/article.xhtml?slug=" + a.slug());
      entries.add(
          Feeds.entry(
              link, a.title(), link, a.summary(), a.authorName(), a.publishedAt(), a.updatedAt()));
    }
    String title = bundle.getString("feed.news.title").replace("{0}", site.getPartyName());
    Feeds.write(
        Feeds.feed(title, site.url("/actualites/"), title, entries),
        path.endsWith(".atom"),
        english ? "en" : "fr",
        site.url("/flux" + path),
        response);
  }
}
