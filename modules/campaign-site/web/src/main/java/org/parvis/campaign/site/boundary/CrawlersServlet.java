package org.parvis.campaign.site.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.campaign.site.control.BrandPages;

/**
 * What search engines read: {@code robots.txt} (everything public may be crawled, the console and
 * personal pages such as newsletter links may not) and {@code sitemap.xml} (the site's pages, its
 * published articles and coming events).
 */
@WebServlet({"/robots.txt", "/sitemap.xml"})
public class CrawlersServlet extends HttpServlet {

  @Inject Newsroom newsroom;
  @Inject Agenda agenda;
  @Inject org.parvis.campaign.people.control.People people;
  @Inject BrandSite site;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "public, max-age=3600");
    if (request.getServletPath().equals("/robots.txt")) {
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .write(
              "User-agent: *\n"
                  + "Disallow: /console/\n"
                  + "Disallow: /lettre/confirmer.xhtml\n"
                  + "Disallow: /lettre/gerer.xhtml\n"
                  + "Disallow: /lettre/desinscription\n"
                  + "Disallow: /donnees/\n"
                  + "Sitemap: "
                  + site.url("/sitemap.xml")
                  + "\n");
      return;
    }
    var xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path :
        new String[] {
          "/",
          "/actualites/",
          "/agenda/",
          "/equipe/",
          "/lettre/",
          "/contact.xhtml",
          "/benevolat.xhtml"
        }) {
      url(xml, site.url(path), null);
    }
    for (var page : BrandPages.Slug.values()) {
      url(xml, site.url("/page.xhtml?nom=" + page.path), null);
    }
    for (var person : people.list(null, false)) {
      url(xml, site.url("/equipe/personne.xhtml?slug=" + person.slug()), null);
    }
    for (var article : newsroom.latest(1000)) {
      url(xml, site.url("/actualites/article.xhtml?slug=" + article.slug()), article.updatedAt());
    }
    for (var event : agenda.upcoming(null, null, 0, Instant.now())) {
      url(xml, site.url("/agenda/evenement.xhtml?slug=" + event.slug()), event.updatedAt());
    }
    xml.append("</urlset>\n");
    response.setContentType("application/xml;charset=UTF-8");
    response.getWriter().write(xml.toString());
  }

  private static void url(StringBuilder xml, String location, Instant modified) {
    xml.append("  <url><loc>").append(location.replace("&", "&amp;")).append("</loc>");
    if (modified != null) {
      xml.append("<lastmod>")
          .append(
              DateTimeFormatter.ISO_INSTANT.format(
                  modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
          .append("</lastmod>");
    }
    xml.append("</url>\n");
  }
}
