package org.parvis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;

/**
 * The pages of the three sites, from their sources (every {@code .xhtml} a visitor can ask for),
 * and an address of each as the sites themselves link to it: a visitor's session follows the links
 * of the pages it can read, so pages that need an {@code id} or a {@code slug} are reached with
 * real ones. A page no link leads to is asked for without parameters.
 */
final class SitePages {

  /** Each web application's sources and the context root it is deployed at. */
  private static final Map<String, String> SITES =
      Map.of(
          "modules/campaign-site/web/src/main/webapp", "",
          "modules/social-network/web/src/main/webapp", "/reseau",
          "modules/console/src/main/webapp", "/console");

  private static final int MOST_FETCHES = 400;

  private SitePages() {}

  /** Every page's path (e.g. {@code /reseau/initiatives/voir.xhtml}), from the sources. */
  static Set<String> all() {
    var pages = new TreeSet<String>();
    Path root = Path.of(System.getProperty("parvis.root", "../.."));
    SITES.forEach(
        (sources, context) -> {
          Path webapp = root.resolve(sources);
          try (var files = Files.walk(webapp)) {
            files
                .map(f -> webapp.relativize(f).toString().replace('\\', '/'))
                .filter(f -> f.endsWith(".xhtml") && !f.startsWith("WEB-INF/"))
                .forEach(f -> pages.add(context + "/" + f));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return pages;
  }

  /**
   * The page behind an address: {@code /reseau/initiatives/} is {@code
   * /reseau/initiatives/index.xhtml}; the query is left out.
   */
  static String pageOf(String address) {
    String path = URI.create(address).getPath();
    return path.endsWith("/") ? path + "index.xhtml" : path;
  }

  /**
   * One address per page this visitor reaches by following links from {@code starts}, keyed by
   * page. Only pages of this server; never feeds, downloads, sign-out or the language switch.
   */
  static Map<String, String> crawl(WebSession visitor, List<String> starts, Set<String> pages) {
    var found = new LinkedHashMap<String, String>();
    var queue = new ArrayDeque<>(starts);
    var seen = new java.util.HashSet<String>(starts);
    int fetches = 0;
    while (!queue.isEmpty() && fetches < MOST_FETCHES) {
      String address = queue.poll();
      String page = pageOf(address);
      if (found.containsKey(page)) {
        continue;
      }
      var response = visitor.get(address);
      fetches++;
      if (response.statusCode() != 200
          || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      found.put(page, address);
      var links = Jsoup.parse(response.body(), Http.baseUrl() + address).select("a[href]");
      for (var link : links) {
        String target = link.absUrl("href");
        if (!target.startsWith(Http.baseUrl() + "/")) {
          continue;
        }
        String local = target.substring(Http.baseUrl().length());
        int hash = local.indexOf('#');
        if (hash >= 0) {
          local = local.substring(0, hash);
        }
        if (local.contains("lang=")
            || local.contains("deconnexion")
            || !pages.contains(pageOf(local))
            || found.containsKey(pageOf(local))
            || !seen.add(local)) {
          continue;
        }
        queue.add(local);
      }
    }
    return found;
  }
}
