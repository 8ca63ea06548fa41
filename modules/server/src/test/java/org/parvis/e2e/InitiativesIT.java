package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The citizen network on the deployed EAR, through its pages: a member proposes an initiative,
 * another signs, follows and debates, a counter-initiative is proposed, the official of the commune
 * finds it in their inbox and answers, the follower is notified in the site and by email; the JSON
 * API and its OpenAPI description; pages issue a fixed number of SQL statements.
 */
class InitiativesIT {

  static final String PASSWORD = "les écoles de Guéret à vélo le matin";
  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void proposeSignDebateCounterAnswerAndNotify() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "autrice-" + id;
    String signer = "voisin-" + id;
    String mayor = "maire-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    MemberAccountsIT.registerAndConfirm(signer, signer + "@example.org", PASSWORD);
    MemberAccountsIT.registerAndConfirm(mayor, mayor + "@example.org", PASSWORD);
    var admin = Administrator.signedIn();
    admin.get("/console/staff/admin/officials.xhtml");
    admin.submit(
        "grant",
        "grantSubmit",
        Map.of(
            "handle", mayor,
            "mandateTitle", "Maire de Guéret",
            "territoryKind", "COMMUNE",
            "territoryCode", "23096",
            "endsOn", LocalDate.now().plusYears(3).toString()));
    var official = signIn(mayor);
    SecondFactor.enrol(
        official, "/reseau/compte/double-authentification.xhtml", mayor + "@example.org");

    // Bad input: messages in French, nothing written.
    var writer = signIn(author);
    writer.get("/reseau/compte/initiative.xhtml");
    var bad = writer.submit("initiative", "publish", proposal("court", "trop bref", "23000"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(bad.body()).select(".field-error").text())
        .contains("Donnez un titre de 10 à 140 caractères")
        .contains("Décrivez l’initiative en 30 caractères au moins")
        .contains("Ce code postal couvre plusieurs communes")
        .contains("Guéret (23096)");

    // Published at once; the postal code of Guéret gives its commune.
    var published =
        writer.submit(
            "initiative",
            "publish",
            proposal(
                "Des pistes cyclables jusqu'aux écoles " + id,
                "<p>Relier chaque <strong>école</strong> au centre.</p>"
                    + "<script>alert('x')</script><p onclick=\"x()\">Sans danger.</p>",
                "23096"));
    String location = published.headers().firstValue("Location").orElseThrow();
    var matcher = ID.matcher(location);
    assertThat(matcher.find()).as(location).isTrue();
    long initiative = Long.parseLong(matcher.group(1));
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;

    // A reader sees it without a session; the description was cleaned.
    var reader = new WebSession();
    var read = reader.get(page);
    assertThat(read.statusCode()).isEqualTo(200);
    var readPage = Jsoup.parse(read.body());
    assertThat(readPage.select("#description strong").text()).isEqualTo("école");
    assertThat(readPage.select("#description").html()).doesNotContain("script", "onclick");
    assertThat(readPage.select("input[name=jakarta.faces.ViewState]")).isEmpty();
    assertThat(reader.sessionId()).as("readers get no session").isNull();
    assertThat(new WebSession().get("/reseau/initiatives/voir.xhtml?id=999999999").statusCode())
        .isEqualTo(404);
    assertThat(new WebSession().get("/reseau/initiatives/voir.xhtml?id=abc").statusCode())
        .isIn(400, 404);

    // Listed and found by words.
    var found = Jsoup.parse(reader.get("/reseau/initiatives/?q=cyclables+" + id).body());
    assertThat(found.select(".initiative-card a").eachAttr("href"))
        .anyMatch(h -> h.endsWith("id=" + initiative));

    // The neighbour signs, follows and comments; counts are exact at once.
    var neighbour = signIn(signer);
    neighbour.get(page);
    assertThat(neighbour.submit("actions", "actions:sign", Map.of()).statusCode()).isIn(302, 303);
    neighbour.get(page);
    neighbour.submit("actions", "actions:follow", Map.of());
    var afterSign = Jsoup.parse(neighbour.get(page).body());
    assertThat(afterSign.select("#signatureCount").text()).isEqualTo("1");
    assertThat(afterSign.select("input[value=Retirer ma signature]")).hasSize(1);
    var comment =
        neighbour.submit(
            "comment",
            "comment:post",
            Map.of("comment:stance", "AGAINST", "comment:body", "Le budget ne suffira pas <b>."));
    assertThat(comment.statusCode()).isIn(302, 303);
    var debate = Jsoup.parse(neighbour.get(page).body());
    assertThat(debate.select(".comment.stance-AGAINST .text").text())
        .as("plain text, escaped")
        .isEqualTo("Le budget ne suffira pas <b>.");

    // Within the edit window, the author of a comment rewrites it.
    assertThat(debate.select("textarea[name$=editBody]"))
        .as("edit field of one's own comment")
        .hasSize(1);
    var edited = DebateForm.edit(neighbour, debate, "Le budget communal ne suffira pas.");
    assertThat(edited.statusCode()).isIn(302, 303);
    assertThat(
            Jsoup.parse(neighbour.get(page).body()).select(".comment.stance-AGAINST .text").text())
        .isEqualTo("Le budget communal ne suffira pas.");
    assertThat(Jsoup.parse(reader.get(page).body()).select("textarea[name$=editBody]"))
        .as("readers get no edit field")
        .isEmpty();

    // A counter-initiative, shown side by side.
    neighbour.get("/reseau/compte/initiative.xhtml?contre=" + initiative);
    var fields =
        new HashMap<>(
            proposal(
                "Plutôt des navettes vers les écoles " + id,
                "<p>Une navette sert aussi les personnes âgées du quartier.</p>",
                "23096"));
    fields.put("counterKind", "OPPOSITE");
    var counter = neighbour.submit("initiative", "publish", fields);
    assertThat(counter.statusCode()).as(counter.body()).isIn(302, 303);
    assertThat(Jsoup.parse(reader.get(page).body()).select("#counters li").text())
        .contains("Plutôt des navettes vers les écoles " + id);

    // The mayor finds it in their inbox and answers in public.
    var inbox = Jsoup.parse(official.get("/reseau/compte/elu.xhtml").body());
    assertThat(inbox.select("#inbox a").eachAttr("href"))
        .anyMatch(h -> h.endsWith("id=" + initiative));
    official.get(page);
    var answered =
        official.submit(
            "answer",
            "answer:publishAnswer",
            Map.of("answer:answerBody", "Le conseil municipal étudiera un plan vélo en mars."));
    assertThat(answered.statusCode()).as(answered.body()).isIn(302, 303);
    var answeredPage = Jsoup.parse(reader.get(page).body());
    assertThat(answeredPage.select("#answered").text()).isEqualTo("Réponse officielle");
    assertThat(answeredPage.select("#answers .badge.official").text()).contains("Maire de Guéret");
    var profile = Jsoup.parse(reader.get("/reseau/membres/profil.xhtml?pseudo=" + mayor).body());
    assertThat(profile.select("#answeredCount").text()).isEqualTo("1");

    // The follower is notified in the site and, having chosen "at once", by email.
    neighbour.get("/reseau/compte/notifications.xhtml");
    neighbour.submit("frequencyForm", "saveFrequency", Map.of("frequency", "IMMEDIATE"));
    var notifications = Jsoup.parse(neighbour.get("/reseau/compte/notifications.xhtml").body());
    assertThat(notifications.select("#notifications").text()).contains("Réponse d’un élu à");
    String mail = Mailbox.text(Mailbox.lastTo(signer + "@example.org", "Du nouveau sur le réseau"));
    assertThat(mail).contains("Réponse d’un élu à « Des pistes cyclables");

    // The author's own list, on their feed page.
    assertThat(
            Jsoup.parse(writer.get("/reseau/compte/fil.xhtml").body())
                .select("#mine a")
                .eachAttr("href"))
        .anyMatch(h -> h.endsWith("id=" + initiative));

    // What the neighbour follows, listed with a button to stop.
    var feed = Jsoup.parse(neighbour.get("/reseau/compte/fil.xhtml").body());
    assertThat(feed.select("#followed li").text())
        .contains("Des pistes cyclables jusqu'aux écoles");
    String stop =
        feed.select("#followed li:contains(Des pistes cyclables) input[type=submit]").attr("name");
    assertThat(neighbour.submit("follows", stop, Map.of()).statusCode()).isIn(302, 303);
    assertThat(
            Jsoup.parse(neighbour.get("/reseau/compte/fil.xhtml").body())
                .select("#followed li")
                .text())
        .doesNotContain("Des pistes cyclables jusqu'aux écoles");

    // Participation ladder on profiles.
    assertThat(
            Jsoup.parse(reader.get("/reseau/membres/profil.xhtml?pseudo=" + signer).body())
                .select("#level strong")
                .text())
        .isEqualTo("initiateur");

    // The JSON API, read without an account; signing needs a session and the header.
    var json = Http.get(Http.baseUrl() + "/reseau/api/initiatives/" + initiative);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"signatures\":1").contains("Des pistes cyclables");
    assertThat(Http.get(Http.baseUrl() + "/reseau/api/membres/" + signer).body())
        .contains(signer)
        .doesNotContain("@example.org");
    assertThat(Http.get(Http.baseUrl() + "/reseau/api/territoires/COMMUNE/23096").body())
        .contains("Guéret");
    assertThat(
            new WebSession()
                .call(
                    "POST",
                    "/reseau/api/initiatives/" + initiative + "/signature",
                    "X-Requested-With",
                    "test")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            writer
                .call("POST", "/reseau/api/initiatives/" + initiative + "/signature")
                .statusCode())
        .as("no header: possibly forged")
        .isEqualTo(403);
    assertThat(
            writer
                .call(
                    "POST",
                    "/reseau/api/initiatives/" + initiative + "/signature",
                    "X-Requested-With",
                    "test")
                .statusCode())
        .isEqualTo(204);
    Http.awaitBody("/reseau/api/initiatives/" + initiative, "\"signatures\":2");
  }

  @Test
  void theSignatureApiAnswersEveryRefusalInOneJsonShape() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "api-autrice-" + id;
    String signer = "api-signataire-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    MemberAccountsIT.registerAndConfirm(signer, signer + "@example.org", PASSWORD);
    var writer = signIn(author);
    long initiative = propose(writer, "Un banc à l'arrêt de bus " + id);
    var member = signIn(signer);
    String signature = "/reseau/api/initiatives/" + initiative + "/signature";
    String header = "X-Requested-With";

    assertThat(member.call("POST", signature, header, "test").statusCode()).isEqualTo(204);
    assertThat(member.call("DELETE", signature, header, "test").statusCode()).isEqualTo(204);
    Http.awaitBody("/reseau/api/initiatives/" + initiative, "\"signatures\":0"); // withdrawn
    assertThat(member.call("POST", signature, header, "test").statusCode()).isEqualTo(204);

    var unknown = member.call("DELETE", "/reseau/api/initiatives/999999999/signature", header, "t");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(unknown.body())
        .contains(
            "\"status\":404", "\"error\":\"Not Found\"", "\"problem\":\"initiative.unknown\"");

    writer.get("/reseau/initiatives/voir.xhtml?id=" + initiative);
    assertThat(writer.submit("actions", "actions:close", Map.of()).statusCode()).isIn(302, 303);
    // Signing a closed one (the author had not signed), withdrawing from it (the signer had).
    for (var attempt : Map.of("POST", writer, "DELETE", member).entrySet()) {
      String method = attempt.getKey();
      var closed = attempt.getValue().call(method, signature, header, "test");
      assertThat(closed.statusCode()).as(method).isEqualTo(409);
      assertThat(closed.body())
          .as(method)
          .contains(
              "\"status\":409", "\"error\":\"Conflict\"", "\"problem\":\"initiative.closed\"");
    }
    // The signature given before it closed stays.
    Http.awaitBody("/reseau/api/initiatives/" + initiative, "\"signatures\":1");

    var notANumber = Http.get(Http.baseUrl() + "/reseau/api/initiatives/abc");
    assertThat(notANumber.statusCode()).isEqualTo(404);
    assertThat(notANumber.body()).contains("\"status\":404", "\"error\":");
    var badPage = Http.get(Http.baseUrl() + "/reseau/api/initiatives?page=abc");
    assertThat(badPage.statusCode()).isEqualTo(400);
    assertThat(badPage.body()).contains("\"status\":400", "\"error\":").doesNotContain("problem");
  }

  /**
   * An image travels with the proposal: a disguised file is refused with a clear message and the
   * text is kept; a real one is stored redrawn and served with long caching.
   */
  @Test
  void anImageIsCheckedByItsContentAndServedCached() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "photographe-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    var writer = signIn(author);
    writer.get("/reseau/compte/initiative.xhtml");
    var fields =
        proposal(
            "Un abri pour le marché couvert " + id,
            "<p>Un abri contre la pluie pour les étals.</p>",
            "23096");
    var disguised =
        writer.submitMultipart(
            "initiative",
            "publish",
            fields,
            "image",
            "photo.png",
            "image/png",
            "<svg onload=alert(1)></svg>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(disguised.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(disguised.body());
    assertThat(page.select(".field-error").text())
        .contains("Ce fichier n’est pas une image PNG ou JPEG");
    assertThat(page.select("#title").val()).as("nothing lost").contains("Un abri pour le marché");

    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        png);
    var saved =
        writer.submitMultipart(
            "initiative", "publish", fields, "image", "abri.png", "image/png", png.toByteArray());
    var matcher = ID.matcher(saved.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).as(saved.body()).isTrue();
    var view =
        Jsoup.parse(
            new WebSession().get("/reseau/initiatives/voir.xhtml?id=" + matcher.group(1)).body());
    String src = view.select("#image").attr("src");
    assertThat(src).contains("/reseau/images/initiatives/" + matcher.group(1) + "?v=");
    var image = Http.get(Http.baseUrl() + src);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
    assertThat(image.headers().firstValue("X-Content-Type-Options").orElseThrow())
        .isEqualTo("nosniff");
    assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(Http.get(Http.baseUrl() + "/reseau/images/initiatives/abc").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theApiIsDescribedWithOpenApi() {
    var openapi = Http.get(Http.baseUrl() + "/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/initiatives/{id}").contains("Parvis network API");
  }

  /** With several threads shown, a reply to any of them (not only the last) keeps its text. */
  @Test
  void aReplyGoesToTheThreadItWasWrittenUnderWhicheverItIs() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "repondante-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    var writer = signIn(author);
    long initiative = propose(writer, "Des fils de discussion " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    for (String opinion : List.of("Premier fil", "Deuxième fil", "Troisième fil")) {
      writer.get(page);
      writer.submit(
          "comment", "comment:post", Map.of("comment:stance", "FOR", "comment:body", opinion));
    }
    for (String opinion : List.of("Premier fil", "Deuxième fil", "Troisième fil")) {
      var thread = DebateForm.thread(writer, page, opinion);
      var answered = DebateForm.reply(writer, thread, "AGAINST", "Réponse au " + opinion, false);
      assertThat(answered.statusCode()).isIn(302, 303);
    }
    var threads = Jsoup.parse(new WebSession().get(page).body()).select("ol.threads > li");
    for (String opinion : List.of("Premier fil", "Deuxième fil", "Troisième fil")) {
      assertThat(
              threads.stream()
                  .filter(li -> li.text().contains(opinion))
                  .findFirst()
                  .orElseThrow()
                  .select("ol.replies")
                  .text())
          .as(opinion)
          .contains("Réponse au " + opinion);
    }
  }

  /**
   * The pages that show lists and debates send the same number of SQL statements with one comment,
   * signature and initiative as with many.
   */
  @Test
  void pagesIssueAFixedNumberOfStatementsWhateverTheData() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "compteuse-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", PASSWORD);
    var writer = signIn(author);
    long first = propose(writer, "Première initiative comptée " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + first;
    writer.get(page);
    writer.submit(
        "comment", "comment:post", Map.of("comment:stance", "FOR", "comment:body", "Premier avis"));
    // The smallest debate of every shape: one thread, one reply quoting it.
    DebateForm.reply(
        writer, DebateForm.thread(writer, page, "Premier avis"), "FOR", "Première réponse", true);
    // Each read rendered for this reader (pages shared between readers would count nothing).
    var reader = new WebSession().withHeader("Cache-Control", "no-cache");
    String list = "/reseau/initiatives/?territoire=COMMUNE&code=23096";
    String territory = "/reseau/territoires/voir.xhtml?type=COMMUNE&code=23096";
    String profile = "/reseau/membres/profil.xhtml?pseudo=" + author;
    int pageBefore = statements(reader, page);
    int listBefore = statements(reader, list);
    int territoryBefore = statements(reader, territory);
    int profileBefore = statements(reader, profile);
    // The transparency page reads moderation's unit only: counted too (every unit has the hook).
    String transparency = "/reseau/transparence.xhtml";
    int transparencyBefore = statements(reader, transparency);
    assertThat(transparencyBefore).as("moderation's statements are counted").isPositive();

    for (int i = 0; i < 4; i++) {
      propose(writer, "Initiative comptée numéro " + i + " " + id);
    }
    for (int i = 0; i < 5; i++) {
      writer.get(page);
      writer.submit(
          "comment", "comment:post", Map.of("comment:stance", "FOR", "comment:body", "Avis " + i));
      var thread = DebateForm.thread(writer, page, "Avis " + i);
      DebateForm.reply(writer, thread, "AGAINST", "Réponse " + i, true);
    }
    writer.get(page);
    writer.submit("actions", "actions:sign", Map.of());

    assertThat(statements(reader, page)).isEqualTo(pageBefore).isLessThanOrEqualTo(12);
    assertThat(statements(reader, list)).isEqualTo(listBefore).isLessThanOrEqualTo(4);
    assertThat(statements(reader, territory)).isEqualTo(territoryBefore).isLessThanOrEqualTo(8);
    assertThat(statements(reader, profile)).isEqualTo(profileBefore).isLessThanOrEqualTo(10);
    assertThat(statements(reader, transparency)).isEqualTo(transparencyBefore);
  }

  private static int statements(WebSession visitor, String path) {
    var response = visitor.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Integer.parseInt(response.headers().firstValue("X-Parvis-SQL-Statements").orElseThrow());
  }

  static long propose(WebSession writer, String title) {
    writer.get("/reseau/compte/initiative.xhtml");
    var response =
        writer.submit(
            "initiative",
            "publish",
            proposal(title, "<p>Une description assez longue pour être acceptée.</p>", ""));
    var matcher = ID.matcher(response.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  static Map<String, String> proposal(String title, String description, String commune) {
    return Map.of(
        "title", title,
        "description", description,
        "theme", "TRANSPORT",
        "territoryKind", "COMMUNE",
        "territoryCode", commune,
        "signatureGoal", "100",
        "deadline", "");
  }

  static WebSession signIn(String handle) {
    return WebSession.member(Http.baseUrl(), handle + "@example.org", PASSWORD);
  }
}
