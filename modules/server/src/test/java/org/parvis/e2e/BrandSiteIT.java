package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.apptasticsoftware.rssreader.RssReader;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The party's brand site on the deployed EAR: editors publish news, events and campaigns from the
 * console; readers, feed readers, calendar applications and search engines get them; subscribers
 * confirm, receive a campaign once and leave in one click; forms keep robots out.
 */
class BrandSiteIT {

  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void editorsPublishNewsThatReadersFeedsAndSearchEnginesSee() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String title = "Des bus pour nos villages " + id;
    var editor = Administrator.signedIn();
    long article = saveArticle(editor, title, "Transports, Ruralité");
    editor.get("/console/staff/content/article.xhtml?id=" + article);
    var published = editor.submit("publication", "publish", Map.of());
    assertThat(published.statusCode()).isIn(302, 303);

    var reader = new WebSession();
    var list = Jsoup.parse(reader.get("/actualites/").body());
    var link =
        list.select(".article-card h2 a").stream()
            .filter(a -> a.text().equals(title))
            .findFirst()
            .orElseThrow();
    var page = reader.get(link.attr("href"));
    assertThat(page.statusCode()).isEqualTo(200);
    var doc = Jsoup.parse(page.body());
    assertThat(doc.select("#articleTitle").text()).isEqualTo(title);
    assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo(title);
    assertThat(doc.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(doc.select(".body").html()).contains("Le texte").doesNotContain("script");
    assertThat(Jsoup.parse(reader.get("/actualites/?categorie=ruralite").body()).text())
        .contains(title);
    assertThat(reader.get("/actualites/?categorie=inconnue").statusCode()).isEqualTo(404);
    assertThat(reader.get("/actualites/article.xhtml?slug=inconnu").statusCode()).isEqualTo(404);

    // Feeds: Atom and RSS, read back by an independent reader.
    var atom = reader.get("/flux/actualites.atom");
    assertThat(atom.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    assertThat(atom.body())
        .contains("xmlns=\"http://www.w3.org/2005/Atom\"", "rel=\"self\"", title);
    for (String feed : new String[] {"/flux/actualites.atom", "/flux/actualites.rss"}) {
      var items =
          new RssReader()
              .read(
                  new java.io.ByteArrayInputStream(
                      reader.get(feed).body().getBytes(StandardCharsets.UTF_8)))
              .toList();
      assertThat(items).as(feed).anyMatch(i -> i.getTitle().orElse("").equals(title));
    }
    assertThat(reader.get("/flux/autre.atom").statusCode()).isEqualTo(404);
    assertThat(reader.get("/sitemap.xml").body()).contains("/actualites/article.xhtml?slug=");
    assertThat(reader.get("/robots.txt").body()).contains("Sitemap: ", "Disallow: /console/");

    // A scheduled article stays out of sight until its time.
    String later = "Programme de l’an prochain " + id;
    long scheduled = saveArticle(editor, later, "");
    editor.get("/console/staff/content/article.xhtml?id=" + scheduled);
    var programmed =
        editor.submit("publication", "schedule", Map.of("publishAt", "2031-01-15T09:00"));
    assertThat(programmed.statusCode()).isIn(302, 303);
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/article.xhtml?id=" + scheduled).body())
                .select("#status")
                .text())
        .contains("Programmé");
    assertThat(Jsoup.parse(reader.get("/actualites/").body()).text()).doesNotContain(later);

    // The editors' list filtered by status in the address, with its count.
    var scheduledList =
        Jsoup.parse(editor.get("/console/staff/content/articles.xhtml?statut=SCHEDULED").body());
    assertThat(scheduledList.select("#articles .status").eachText())
        .isNotEmpty()
        .containsOnly("Programmé");
    assertThat(scheduledList.select("#articles").text()).contains(later);
    assertThat(scheduledList.select("#articlesCount").text()).matches("\\d+ articles?");
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/articles.xhtml?statut=ARCHIVED").body())
                .select("#articles")
                .text())
        .doesNotContain(later);
  }

  @Test
  void theAgendaGivesCalendarFilesThatCalendarApplicationsRead() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String title = "Réunion publique sur l’eau " + id;
    var editor = Administrator.signedIn();
    editor.get("/console/staff/content/event.xhtml");
    var fields =
        new java.util.HashMap<>(
            Map.of(
                "title", title,
                "kind", "MEETING",
                "starts", "2030-05-01T18:00",
                "ends", "2030-05-01T20:00",
                "place", "Salle des fêtes",
                "territoryKind", "COMMUNE",
                "territoryCode", "99999",
                "description", "<p>Venez nombreux.</p>",
                "registration", "true"));
    var refused = editor.submit("event", "save", fields);
    assertThat(Jsoup.parse(refused.body()).select(".field-error").text())
        .contains("Ce code ne correspond à aucun territoire");
    fields.put("territoryCode", "23096");
    editor.get("/console/staff/content/event.xhtml");
    var saved = editor.submit("event", "save", fields);
    var matcher = ID.matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).as(saved.body()).isTrue();
    long event = Long.parseLong(matcher.group(1));
    // The editors' list: coming or past, in the address, counted.
    var coming =
        Jsoup.parse(editor.get("/console/staff/content/events.xhtml?quand=a-venir").body());
    assertThat(coming.select("#eventsCount").text()).matches("\\d+ événements?");
    assertThat(coming.select("#events a").eachText()).isNotEmpty();
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/events.xhtml?quand=passes").body())
                .select("#events")
                .text())
        .doesNotContain(title);

    var visitor = new WebSession();
    var agenda = Jsoup.parse(visitor.get("/agenda/?territoire=COMMUNE&code=23096").body());
    var link =
        agenda.select(".event-card h2 a").stream()
            .filter(a -> a.text().equals(title))
            .findFirst()
            .orElseThrow();
    var page = Jsoup.parse(visitor.get(link.attr("href")).body());
    assertThat(page.select("#where").text()).contains("Guéret");
    String ics = visitor.get(page.select("#icsLink").attr("href")).body();
    var parsed = only(ics);
    assertThat(value(parsed, "SUMMARY")).isEqualTo(title);
    assertThat(value(parsed, "DTSTART")).as("18:00 in Paris in May").isEqualTo("20300501T160000Z");
    assertThat(value(parsed, "LOCATION")).isEqualTo("Salle des fêtes, Guéret");
    assertThat(visitor.get("/calendrier/agenda.ics").body()).contains("UID:event-" + event + "@");
    assertThat(
            Jsoup.parse(visitor.get("/agenda/mois.xhtml?mois=2030-05").body())
                .select("#calendar a.event")
                .eachText())
        .contains(title);

    // Registration with consent.
    visitor.get(link.attr("href"));
    var noConsent =
        visitor.submit(
            "registration",
            "register",
            Map.of("name", "Léa", "email", "lea-" + id + "@example.org"));
    assertThat(Jsoup.parse(noConsent.body()).text()).contains("Cochez la case");
    visitor.get(link.attr("href"));
    var registered =
        visitor.submit(
            "registration",
            "register",
            Map.of("name", "Léa", "email", "lea-" + id + "@example.org", "consent", "true"));
    assertThat(registered.statusCode()).isIn(302, 303);
    assertThat(Jsoup.parse(visitor.get(link.attr("href")).body()).select(".messages").text())
        .contains("Votre inscription est enregistrée.");
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/event.xhtml?id=" + event).body())
                .select("#registrations")
                .text())
        .isEqualTo("1");
    // The editors' list of who registered: searched, and exported for the welcome desk.
    var eventPage =
        Jsoup.parse(editor.get("/console/staff/content/event.xhtml?id=" + event).body());
    String registrantsPath = eventPage.select("#registrantsLink").attr("href");
    var registrants = Jsoup.parse(editor.get(registrantsPath).body());
    assertThat(registrants.select("#registrantsCount").text()).startsWith("1 inscrit");
    assertThat(registrants.select("#registrants tbody tr").text())
        .contains("Léa", "lea-" + id + "@example.org");
    assertThat(
            Jsoup.parse(editor.get(registrantsPath + "&q=personne-d-autre").body())
                .select("#registrantsNone"))
        .hasSize(1);
    long exports = ExportsIT.audited(editor, "brand", "REGISTRANTS_EXPORTED");
    var sheet = ExportsIT.csv(editor, "/console/staff/content/inscrits.csv?id=" + event);
    assertThat(sheet.get(0).toList()).containsExactly("Nom", "Adresse électronique", "Inscrit le");
    assertThat(sheet).hasSize(2);
    assertThat(sheet.get(1).get(0)).isEqualTo("Léa");
    assertThat(sheet.get(1).get(1)).isEqualTo("lea-" + id + "@example.org");
    assertThat(ExportsIT.audited(editor, "brand", "REGISTRANTS_EXPORTED")).isEqualTo(exports + 1);
    assertThat(editor.get("/console/staff/content/inscrits.csv?id=999999999").statusCode())
        .isEqualTo(404);

    // Cancelled: subscribed calendars learn it (same UID, higher SEQUENCE).
    editor.get("/console/staff/content/event.xhtml?id=" + event);
    editor.submit("event", "cancelEvent", Map.of());
    var cancelled = only(visitor.get(page.select("#icsLink").attr("href")).body());
    assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
    assertThat(Integer.parseInt(value(cancelled, "SEQUENCE"))).isPositive();
  }

  @Test
  void aSubscriberConfirmsGetsACampaignOnceAndLeavesInOneClick() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "lecteur-" + id + "@example.org";
    var visitor = new WebSession();
    visitor.get("/lettre/");
    var refused = visitor.submit("subscribe", "send", Map.of("email", email));
    assertThat(Jsoup.parse(refused.body()).select(".field-error").text())
        .contains("Cochez la case");
    visitor.get("/lettre/");
    var sent =
        visitor.submit(
            "subscribe", "send", Map.of("email", email, "themes", "NEWS", "consent", "true"));
    assertThat(sent.statusCode()).isIn(302, 303);
    String confirmation = Mailbox.text(Mailbox.lastTo(email, "Confirmez votre inscription"));
    var link =
        Pattern.compile("https?://[^/\\s]+(/lettre/confirmer\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})")
            .matcher(confirmation);
    assertThat(link.find()).as(confirmation).isTrue();
    var confirmPage = Jsoup.parse(visitor.get(link.group(1)).body());
    assertThat(confirmPage.select("#outcome"))
        .as("opening the link (as a mail scanner does) confirms nothing")
        .isEmpty();
    assertThat(confirmPage.select("form#confirm")).hasSize(1);
    assertThat(
            Jsoup.parse(visitor.submit("confirm", "confirmButton", Map.of()).body())
                .select("#outcome")
                .text())
        .isEqualTo("Merci : votre inscription est confirmée.");

    String subject = "Nos nouvelles " + id;
    var editor = Administrator.signedIn();
    CampaignDesk.composeAndStart(editor, subject, "Bonjour, voici les nouvelles du mois.");

    MimeMessage mail = Mailbox.lastTo(email, subject);
    String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(Mailbox.text(mail))
        .contains("Bonjour, voici les nouvelles du mois.", "/lettre/gerer.xhtml?jeton=");
    // The campaign finishes; the subscriber got it once, and no second copy follows.
    await("the campaign marked sent")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Jsoup.parse(editor.get("/console/staff/content/newsletter.xhtml").body())
                    .select("tr.campaign")
                    .stream()
                    .filter(r -> r.select(".subject").text().equals(subject))
                    .findFirst()
                    .orElseThrow()
                    .select(".status")
                    .text(),
            "Envoyé"::equals);
    await("one copy only")
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> Mailbox.countTo(email, subject) == 1);
    assertThat(Mailbox.countTo(email, subject)).isEqualTo(1);

    // One click in the mail client: a POST to the List-Unsubscribe address.
    String path =
        URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)).getRawPath()
            + "?"
            + URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)).getRawQuery();
    var clicked = Http.postForm(Http.baseUrl() + path, "List-Unsubscribe=One-Click");
    assertThat(clicked.statusCode()).isEqualTo(200);
    String manage = path.replace("/lettre/desinscription", "/lettre/gerer.xhtml");
    assertThat(Jsoup.parse(new WebSession().get(manage).body()).select("#status").text())
        .isEqualTo("désinscrit");
  }

  @Test
  void editorsFindSubscribersAndTakeOffTheListThoseWhoAskByPhone() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "appel_" + id + "@example.org";
    var visitor = new WebSession();
    visitor.get("/lettre/");
    visitor.submit(
        "subscribe", "send", Map.of("email", email, "themes", "EVENTS", "consent", "true"));
    var editor = Administrator.signedIn();
    // An underscore in the search matches itself, not any character.
    String list = "/console/staff/content/subscribers.xhtml?q=appel_" + id;
    var found = Jsoup.parse(editor.get(list).body());
    assertThat(found.select("#subscribersCount").text()).isEqualTo("1 abonné");
    assertThat(found.select("#subscribers tbody tr").text())
        .contains(email, "en attente", "Rendez-vous");
    assertThat(Jsoup.parse(editor.get(list + "&etat=confirmes").body()).select("#subscribersNone"))
        .hasSize(1);

    long removals = ExportsIT.audited(editor, "brand", "SUBSCRIBER_REMOVED");
    editor.get(list);
    var unknown =
        editor.submit("remove", "unsubscribe", Map.of("email", "personne-" + id + "@example.org"));
    assertThat(Jsoup.parse(unknown.body()).select(".field-error").text())
        .isEqualTo("Aucun abonné actif n’a cette adresse.");
    editor.get(list);
    var removed = editor.submit("remove", "unsubscribe", Map.of("email", email.toUpperCase()));
    assertThat(removed.statusCode()).isIn(302, 303);
    var after = Jsoup.parse(editor.get(list).body());
    assertThat(after.select(".messages").text()).contains("ne recevra plus la lettre");
    assertThat(after.select("#subscribers tbody tr").text()).contains("désinscrit");
    assertThat(ExportsIT.audited(editor, "brand", "SUBSCRIBER_REMOVED")).isEqualTo(removals + 1);
    // A second time: already gone.
    editor.get(list);
    assertThat(
            Jsoup.parse(editor.submit("remove", "unsubscribe", Map.of("email", email)).body())
                .select(".field-error")
                .text())
        .isEqualTo("Aucun abonné actif n’a cette adresse.");
  }

  @Test
  void uploadsAreCheckedByTheirContentAndServedWithCachingHeaders() throws Exception {
    var editor = Administrator.signedIn();
    editor.get("/console/staff/content/media.xhtml");
    var disguised =
        editor.submitMultipart(
            "upload",
            "send",
            Map.of("title", "Photo de campagne"),
            "file",
            "photo.png",
            "image/png",
            "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8));
    assertThat(disguised.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(disguised.body()).select(".field-error").text())
        .contains("Ce fichier n’est pas une image PNG ou JPEG (son contenu compte, pas son nom).");

    var image = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
    var png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    editor.get("/console/staff/content/media.xhtml");
    String title = "Affiche " + System.nanoTime();
    var uploaded =
        editor.submitMultipart(
            "upload",
            "send",
            Map.of("title", title),
            "file",
            "affiche.png",
            "image/png",
            png.toByteArray());
    assertThat(uploaded.statusCode()).isIn(302, 303);
    var item =
        Jsoup.parse(editor.get("/console/staff/content/media.xhtml").body())
            .select("#mediaList li")
            .stream()
            .filter(li -> li.text().contains(title))
            .findFirst()
            .orElseThrow();
    String small = item.select("img").attr("src");
    var served = Http.get(Http.baseUrl() + small);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    var large =
        javax.imageio.ImageIO.read(
            URI.create(Http.baseUrl() + small.replace("SMALL", "LARGE")).toURL());
    assertThat(Math.max(large.getWidth(), large.getHeight())).isEqualTo(1600);

    // Found again by words of its title, however many images came after it.
    var found =
        Jsoup.parse(
            editor
                .get(
                    "/console/staff/content/media.xhtml?q="
                        + java.net.URLEncoder.encode(title.toUpperCase(), StandardCharsets.UTF_8))
                .body());
    assertThat(found.select("#mediaCount").text()).isEqualTo("1 image");
    assertThat(found.select("#mediaList li").text()).contains(title);
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/media.xhtml?q=introuvable-x").body())
                .select("#mediaNone"))
        .hasSize(1);
  }

  @Test
  void formsKeepRobotsOutWithoutAThirdPartyCaptchaAndLegalPagesAreEditable() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    var visitor = new WebSession();
    var fields =
        Map.of(
            "name", "Camille",
            "email", "camille-" + id + "@example.org",
            "message", "Bonjour, je voudrais aider pour les prochaines élections.",
            "consent", "true");
    visitor.get("/benevolat.xhtml");
    var tooFast = visitor.submit("contact", "send", fields);
    assertThat(Jsoup.parse(tooFast.body()).select(".messages").text())
        .contains("n’a pas pu être pris en compte");
    visitor.get("/benevolat.xhtml");
    ContactForms.pastTheMinimumFillTime();
    var trapped = new java.util.HashMap<>(fields);
    trapped.put("website", "http://spam.example");
    assertThat(
            Jsoup.parse(visitor.submit("contact", "send", trapped).body())
                .select(".messages")
                .text())
        .contains("n’a pas pu être pris en compte");
    visitor.get("/benevolat.xhtml");
    ContactForms.pastTheMinimumFillTime();
    var accepted = visitor.submit("contact", "send", fields);
    assertThat(accepted.statusCode()).isIn(302, 303);
    var editor = Administrator.signedIn();
    assertThat(
            Jsoup.parse(editor.get("/console/staff/content/messages.xhtml").body())
                .select("#contactMessages")
                .text())
        .contains("camille-" + id + "@example.org", "Bénévolat");
    // Filtered by kind in the address, counted, a page at a time.
    var volunteers =
        Jsoup.parse(editor.get("/console/staff/content/messages.xhtml?type=benevolat").body());
    assertThat(volunteers.select("#contactMessages li strong").eachText())
        .isNotEmpty()
        .containsOnly("Bénévolat");
    assertThat(volunteers.select("#messagesCount").text()).matches("\\d+ messages?");
    var contacts =
        Jsoup.parse(editor.get("/console/staff/content/messages.xhtml?type=contact").body());
    assertThat(contacts.select("#contactMessages").text())
        .doesNotContain("camille-" + id + "@example.org");
    var far =
        Jsoup.parse(editor.get("/console/staff/content/messages.xhtml?type=nope&page=999").body());
    assertThat(far.select("#messagesNone").text()).contains("Aucun message pour ce filtre");
    assertThat(far.select("a[rel=prev]").attr("href")).isEqualTo("?type=&page=998");
    assertThat(editor.get("/console/staff/content/messages.xhtml?page=abc").statusCode())
        .isLessThan(500);

    assertThat(Jsoup.parse(visitor.get("/page.xhtml?nom=accessibilite").body()).text())
        .satisfiesAnyOf(
            t -> assertThat(t).contains("n’a pas encore été rédigée"),
            t -> assertThat(t).contains("Déclaration"));
    editor.get("/console/staff/content/pages.xhtml?nom=accessibilite");
    editor.submit(
        "page",
        "save",
        Map.of(
            "title",
            "Déclaration d’accessibilité " + id,
            "body",
            "<p>Ce site est partiellement conforme au RGAA 4.1.</p><script>x</script>"));
    var legal = Jsoup.parse(visitor.get("/page.xhtml?nom=accessibilite").body());
    assertThat(legal.select("#pageTitle").text()).isEqualTo("Déclaration d’accessibilité " + id);
    assertThat(legal.select(".body").html()).contains("RGAA").doesNotContain("script");
    assertThat(visitor.get("/page.xhtml?nom=inconnue").statusCode()).isEqualTo(404);
  }

  @Test
  void peoplePagesShowMandatesAndLinkToTheNetworkByHandleOnly() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String name = "Jeanne Barret " + id;
    var editor = Administrator.signedIn();
    editor.get("/console/staff/content/person.xhtml");
    var bad =
        editor.submit(
            "person",
            "save",
            Map.of(
                "name",
                name,
                "role",
                "OFFICIAL",
                "links",
                "http://pas-https.example",
                "photo",
                ""));
    assertThat(Jsoup.parse(bad.body()).select(".field-error").text()).contains("https://");
    editor.get("/console/staff/content/person.xhtml");
    var saved =
        editor.submit(
            "person",
            "save",
            Map.of(
                "name", name,
                "role", "OFFICIAL",
                "photo", "",
                "biography", "<p>Maire de Guéret depuis 2020.</p>",
                "publicEmail", "jeanne@mairie.example",
                "links", "https://mastodon.example/@jeanne",
                "networkHandle", "@Jeanne-" + id,
                "published", "true"));
    var matcher = ID.matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).as(saved.body()).isTrue();
    String person = "/console/staff/content/person.xhtml?id=" + matcher.group(1);
    editor.get(person);
    editor.submit(
        "mandate",
        "addMandate",
        Map.of(
            "office", "Maire", "territoryName", "Guéret", "startsOn", "2020-07-04", "endsOn", ""));
    var team = Jsoup.parse(new WebSession().get("/equipe/").body());
    var link =
        team.select("#officials a").stream()
            .filter(a -> a.text().equals(name))
            .findFirst()
            .orElseThrow();
    var page = Jsoup.parse(new WebSession().get(link.attr("href")).body());
    assertThat(page.select("#mandates li.current").text()).contains("Maire, Guéret");
    assertThat(page.select("#networkProfile").attr("href"))
        .endsWith("/reseau/membres/profil.xhtml?pseudo=jeanne-" + id);
    assertThat(page.select("#contact").text()).contains("jeanne@mairie.example");
  }

  @Test
  void peopleWithoutAnAccountSeeExportAndEraseWhatTheSiteKeepsThroughAMailedLink()
      throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String email = "sans-compte-" + id + "@example.org";
    var visitor = new WebSession();
    visitor.get("/lettre/");
    visitor.submit("subscribe", "send", Map.of("email", email, "consent", "true"));
    visitor.get("/contact.xhtml");
    ContactForms.pastTheMinimumFillTime();
    assertThat(
            visitor
                .submit(
                    "contact",
                    "send",
                    Map.of(
                        "name",
                        "Sam " + id,
                        "email",
                        email,
                        "message",
                        "Une question sur le programme " + id,
                        "consent",
                        "true"))
                .statusCode())
        .isIn(302, 303);

    String path = dataLink(visitor, email);
    var page = Jsoup.parse(visitor.get(path).body());
    assertThat(page.select("#holder").text()).isEqualTo(email);
    assertThat(page.select("#data-newsletter").text()).contains("(1)");
    assertThat(page.select("#data-messages").text())
        .contains("Une question sur le programme " + id);
    var export = visitor.get(page.select("#download").attr("href"));
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(export.body())
        .contains(
            "\"email\": \"" + email + "\"",
            "\"newsletter\"",
            "\"eventRegistrations\"",
            "\"messages\"",
            "\"consents\"",
            "\"mails\"",
            "\"NEWSLETTER\"",
            "\"CONTACT\"",
            "Une question sur le programme " + id);

    visitor.get(path);
    assertThat(visitor.submit("erase", "eraseAll", Map.of()).statusCode()).isIn(302, 303);
    assertThat(visitor.get(path).statusCode()).as("the link went with the data").isEqualTo(404);
    var after = Jsoup.parse(visitor.get(dataLink(visitor, email)).body());
    for (String category : List.of("newsletter", "messages", "consents")) {
      assertThat(after.select("#data-" + category + " h2").text()).as(category).contains("(0)");
    }
  }

  /** Asks for the mailed link to one's data and returns its path. */
  private static String dataLink(WebSession visitor, String email) {
    long before = Mailbox.countTo(email, "Vos données");
    visitor.get("/donnees/");
    visitor.submit("request", "send", Map.of("email", email));
    await("the mailed link to " + email + "'s data")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Mailbox.countTo(email, "Vos données") > before);
    var link =
        Pattern.compile("(/donnees/acces\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})")
            .matcher(Mailbox.text(Mailbox.lastTo(email, "Vos données")));
    assertThat(link.find()).isTrue();
    return link.group(1);
  }

  private static long saveArticle(WebSession editor, String title, String categories) {
    editor.get("/console/staff/content/article.xhtml");
    var saved =
        editor.submit(
            "article",
            "save",
            Map.of(
                "title", title,
                "summary", "Trois mesures pour les lignes de bus rurales.",
                "body", "<p>Le texte <script>alert(1)</script></p>",
                "categories", categories,
                "tags", "bus",
                "cover", ""));
    var matcher = ID.matcher(saved.headers().firstValue("Location").orElse(""));
    assertThat(matcher.find()).as(saved.body()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static VEvent only(String ics) throws Exception {
    var calendar = new CalendarBuilder().build(new StringReader(ics));
    java.util.List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }
}
