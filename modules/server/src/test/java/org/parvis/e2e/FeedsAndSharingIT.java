package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.apptasticsoftware.rssreader.Item;
import com.apptasticsoftware.rssreader.RssReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Reasons to take part, on the deployed EAR: feeds of every kind read back by an independent parser
 * (and checked against what RSS 2.0 and Atom 1.0 require), autodiscovery links, Open Graph
 * metadata, share links that load nothing from elsewhere, no third-party resource on any page,
 * leaderboards with the opt-out, badges, and the console's activity view.
 */
class FeedsAndSharingIT {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void everyFeedIsValidAndPagesAnnounceThem() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "flux-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", InitiativesIT.PASSWORD);
    var writer = InitiativesIT.signIn(author);
    long initiative = InitiativesIT.propose(writer, "Un jardin partagé derrière la mairie " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    writer.get(page);
    writer.submit("actions", "actions:sign", Map.of());

    var feeds =
        List.of(
            "/reseau/flux/initiatives",
            "/reseau/flux/themes/TRANSPORT",
            "/reseau/flux/territoires/COMMUNE/23096",
            "/reseau/flux/territoires/DEPARTEMENT/23",
            "/reseau/flux/territoires/REGION/75",
            "/reseau/flux/territoires/NATIONAL/FR",
            "/reseau/flux/initiatives/" + initiative,
            "/reseau/flux/membres/" + author);
    for (String feed : feeds) {
      var atom = atom(feed + ".atom");
      var rss = rss(feed + ".rss");
      if (!feed.endsWith("NATIONAL/FR")) {
        assertThat(atom).as(feed).isNotEmpty(); // nothing national is proposed here
      }
      assertThat(rss).as(feed).hasSameSizeAs(atom);
      assertThat(atom(feed + ".atom")).as("stable ids " + feed).isEqualTo(atom);
    }
    assertThat(atom("/reseau/flux/initiatives/" + initiative + ".atom"))
        .anyMatch(entryId -> entryId.contains("voir.xhtml?id=" + initiative + "#evenement-"));
    assertThat(atom("/reseau/flux/membres/" + author + ".atom")).contains(absolute(page));
    assertThat(Http.get(Http.baseUrl() + "/reseau/flux/initiatives/999999999.atom").statusCode())
        .isEqualTo(404);
    assertThat(Http.get(Http.baseUrl() + "/reseau/flux/themes/NOPE.rss").statusCode())
        .isEqualTo(404);
    assertThat(Http.get(Http.baseUrl() + "/reseau/flux/../WEB-INF/web.xml").statusCode())
        .isIn(400, 404);

    // Autodiscovery and Open Graph.
    var reader = new WebSession();
    var initiativePage = Jsoup.parse(reader.get(page).body());
    assertThat(initiativePage.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/reseau/flux/initiatives/" + initiative + ".atom");
    assertThat(initiativePage.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
        .isEqualTo("/reseau/flux/initiatives/" + initiative + ".rss");
    assertThat(initiativePage.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Un jardin partagé derrière la mairie " + id);
    assertThat(initiativePage.select("meta[property=og:url]").attr("content"))
        .isEqualTo(absolute(page));
    assertThat(initiativePage.select("meta[property=og:description]").attr("content"))
        .contains("Une description assez longue");
    assertThat(initiativePage.select("meta[name=twitter:card]").attr("content"))
        .isEqualTo("summary");
    for (String other :
        List.of(
            "/reseau/membres/profil.xhtml?pseudo=" + author,
            "/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096",
            "/reseau/initiatives/?theme=TRANSPORT")) {
      var html = Jsoup.parse(reader.get(other).body());
      assertThat(html.select("link[rel=alternate][type=application/atom+xml]"))
          .as(other)
          .hasSize(1);
    }
    var profile = Jsoup.parse(reader.get("/reseau/membres/profil.xhtml?pseudo=" + author).body());
    assertThat(profile.select("meta[property=og:type]").attr("content")).isEqualTo("profile");

    // Share links: plain links carrying the page's address; Mastodon on the reader's instance.
    var links = initiativePage.select(".share-links a").eachAttr("href");
    String encoded = java.net.URLEncoder.encode(absolute(page), StandardCharsets.UTF_8);
    assertThat(links).hasSize(5);
    assertThat(links)
        .anyMatch(l -> l.startsWith("https://www.facebook.com/sharer/sharer.php?u=" + encoded))
        .anyMatch(l -> l.startsWith("https://x.com/intent/post?url=" + encoded))
        .anyMatch(l -> l.startsWith("https://www.linkedin.com/sharing/share-offsite/?url="))
        .anyMatch(l -> l.startsWith("https://wa.me/?text="))
        .anyMatch(l -> l.startsWith("mailto:?subject="));
    var mastodon =
        reader.get("/reseau/partager-mastodon.xhtml?instance=mamot.fr&texte=Un%20jardin%20" + id);
    assertThat(mastodon.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(mastodon.body()).select("#mastodonShare").attr("href"))
        .isEqualTo("https://mamot.fr/share?text=Un%20jardin%20" + id);
    for (String bad : List.of("javascript:alert(1)", "evil.example/path", "user@host.fr", "x")) {
      var refused =
          reader.call(
              "GET",
              "/reseau/partager-mastodon.xhtml?texte=a&instance="
                  + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8),
              "Accept-Language",
              "fr-FR,fr;q=0.9");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(Jsoup.parse(refused.body()).select(".messages").text())
          .contains("Indiquez le nom de votre instance Mastodon");
      assertThat(Jsoup.parse(refused.body()).select("#mastodonShare")).isEmpty();
    }
  }

  @Test
  void noPageLoadsAnythingFromAnotherSite() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "tiers-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(author);
    long initiative = InitiativesIT.propose(member, "Aucune ressource tierce sur nos pages " + id);
    var pages =
        List.of(
            "/",
            "/reseau/",
            "/reseau/initiatives/",
            "/reseau/initiatives/?tri=hot",
            "/reseau/initiatives/voir.xhtml?id=" + initiative,
            "/reseau/membres/profil.xhtml?pseudo=" + author,
            "/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096",
            "/reseau/classements.xhtml",
            "/reseau/badges.xhtml",
            "/reseau/transparence.xhtml",
            "/reseau/inscription.xhtml",
            "/reseau/connexion.xhtml",
            "/reseau/partager-mastodon.xhtml?instance=mamot.fr&texte=x",
            "/console/");
    for (String path : pages) {
      var response = new WebSession().get(path);
      assertThat(response.statusCode()).as(path).isIn(200, 302);
      assertNoThirdPartyResource(path, response.body());
      assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("default-src 'self'")
          .doesNotContain("http:", "https:", "*");
    }
    for (String path :
        List.of(
            "/reseau/compte/",
            "/reseau/compte/fil.xhtml",
            "/reseau/compte/initiative.xhtml",
            "/reseau/initiatives/voir.xhtml?id=" + initiative)) {
      var response = member.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertNoThirdPartyResource(path, response.body());
    }
  }

  @Test
  void leaderboardsBadgesAndTheOptOut() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "classee-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(author);
    InitiativesIT.propose(member, "Des bancs le long de la Creuse " + id);
    String board = "/reseau/classements.xhtml?territoire=COMMUNE&code=23096&periode=week";
    var reader = new WebSession();
    eventually(() -> memberListed(reader, board, author));

    // The member leaves the rankings from their account page; the choice is in their log.
    member.get("/reseau/compte/");
    assertThat(member.submit("rankings", "leaveRankings", Map.of()).statusCode()).isIn(302, 303);
    var account = Jsoup.parse(member.get("/reseau/compte/").body());
    assertThat(account.select("#rankingsState").text()).contains("n’apparaissez dans aucun");
    assertThat(account.select("#security-log").text()).contains("Retrait des classements publics");
    assertThat(memberListed(reader, board, author)).isFalse();
    member.submit("rankings", "joinRankings", Map.of());
    assertThat(memberListed(reader, board, author)).isTrue();

    // Badges: the page explains them; the profile shows the first one earned.
    var badges = Jsoup.parse(reader.get("/reseau/badges.xhtml").body());
    assertThat(badges.select(".badge-explained")).hasSize(8);
    assertThat(badges.select("#CREATOR .badge-levels li")).hasSize(5);
    eventually(
        () ->
            !Jsoup.parse(reader.get("/reseau/membres/profil.xhtml?pseudo=" + author).body())
                .select("#badge-CREATOR")
                .isEmpty());

    // The console's view of the most active places, members and officials.
    var admin = Administrator.signedIn();
    var activity = admin.get("/console/staff/network/activity.xhtml?period=week");
    assertThat(activity.statusCode()).isEqualTo(200);
    var view = Jsoup.parse(activity.body());
    assertThat(view.select("#territories tbody tr")).isNotEmpty();
    assertThat(view.select("#territories").text()).contains("Creuse");
  }

  private static boolean memberListed(WebSession reader, String board, String handle) {
    return Jsoup.parse(reader.get(board).body()).select("#memberBoard a").eachAttr("href").stream()
        .anyMatch(h -> h.endsWith("pseudo=" + handle));
  }

  /** The roll-up and badge jobs run every two seconds: wait up to 15 s for their effect. */
  private static void eventually(Callable<Boolean> condition) {
    org.awaitility.Awaitility.await("the roll-up and badge jobs' effect")
        .atMost(java.time.Duration.ofSeconds(15))
        .until(condition);
  }

  /** Scripts, images, styles, fonts, frames and media must come from this site. */
  static void assertNoThirdPartyResource(String path, String body) {
    Document html = Jsoup.parse(body);
    var loaded = new ArrayList<String>();
    html.select(
            "script[src], img[src], iframe[src], frame[src], embed[src], audio[src], video[src], source[src], track[src], input[type=image][src]")
        .forEach(e -> loaded.add(e.attr("src")));
    html.select("img[srcset], source[srcset]").forEach(e -> loaded.add(e.attr("srcset")));
    html.select("object[data]").forEach(e -> loaded.add(e.attr("data")));
    html.select("video[poster]").forEach(e -> loaded.add(e.attr("poster")));
    html.select("link[href]").stream()
        .filter(
            l ->
                !Set.of("alternate", "canonical").contains(l.attr("rel").toLowerCase())
                    || l.hasAttr("as"))
        .forEach(l -> loaded.add(l.attr("href")));
    html.select("[style]").forEach(e -> loaded.addAll(urls(e.attr("style"))));
    html.select("style").forEach(e -> loaded.addAll(urls(e.data())));
    for (String url : loaded) {
      for (String part : url.split(",")) {
        String u = part.strip().split("\\s+")[0];
        assertThat(
                u.startsWith("//")
                    || u.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !u.startsWith("data:"))
            .as(path + " loads " + u)
            .isFalse();
      }
    }
  }

  private static List<String> urls(String css) {
    var found = new ArrayList<String>();
    var matcher =
        java.util.regex.Pattern.compile("(?i)(url\\(|@import)\\s*['\"]?([^'\")\\s]+)").matcher(css);
    while (matcher.find()) {
      found.add(matcher.group(2));
    }
    return found;
  }

  /** The entry ids of an Atom feed, checked against what RFC 4287 requires. */
  private static List<String> atom(String path) throws Exception {
    var response = Http.get(Http.baseUrl() + path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    Element feed = document.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    for (String required : List.of("id", "title", "updated")) {
      assertThat(feed.getElementsByTagNameNS(ATOM, required).getLength())
          .as(path + " " + required)
          .isPositive();
    }
    OffsetDateTime.parse(child(feed, "updated"));
    var self = new ArrayList<String>();
    var links = feed.getElementsByTagNameNS(ATOM, "link");
    for (int i = 0; i < links.getLength(); i++) {
      var link = (Element) links.item(i);
      if (link.getParentNode() == feed && "self".equals(link.getAttribute("rel"))) {
        self.add(link.getAttribute("href"));
      }
    }
    assertThat(self).hasSize(1);
    var ids = new ArrayList<String>();
    var entries = feed.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      var entry = (Element) entries.item(i);
      String entryId = child(entry, "id");
      assertThat(URI.create(entryId).isAbsolute()).as(entryId).isTrue();
      assertThat(child(entry, "title")).isNotBlank();
      OffsetDateTime.parse(child(entry, "updated"));
      boolean authored =
          entry.getElementsByTagNameNS(ATOM, "author").getLength() > 0
              || feed.getElementsByTagNameNS(ATOM, "author").getLength() > 0;
      assertThat(authored).as("atom:author").isTrue();
      ids.add(entryId);
    }
    assertThat(ids).doesNotHaveDuplicates();
    // The same document read by an independent parser.
    var items =
        new RssReader()
            .read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
            .toList();
    assertThat(items).extracting(i -> i.getGuid().orElseThrow()).isEqualTo(ids);
    return ids;
  }

  /** The items of an RSS 2.0 feed, read by an independent parser; guids and dates checked. */
  private static List<Item> rss(String path) throws Exception {
    var response = Http.get(Http.baseUrl() + path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/rss+xml");
    var channel = Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
    assertThat(channel.select("rss").attr("version")).isEqualTo("2.0");
    for (String required : List.of("channel > title", "channel > link", "channel > description")) {
      assertThat(channel.select(required).text()).as(path + " " + required).isNotBlank();
    }
    var items =
        new RssReader()
            .read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
            .toList();
    for (Item item : items) {
      assertThat(item.getTitle()).isPresent();
      assertThat(item.getLink()).isPresent();
      assertThat(item.getGuid()).isPresent();
      ZonedDateTime.parse(item.getPubDate().orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
    }
    assertThat(items).extracting(i -> i.getGuid().orElseThrow()).doesNotHaveDuplicates();
    return items;
  }

  private static String child(Element parent, String name) {
    var nodes = parent.getElementsByTagNameNS(ATOM, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent) {
        return nodes.item(i).getTextContent();
      }
    }
    throw new AssertionError("no atom:" + name);
  }

  /** The public address of a path, as the server is configured to announce it. */
  private static String absolute(String path) {
    return Http.baseUrl() + path;
  }
}
