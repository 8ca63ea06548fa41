package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.apptasticsoftware.rssreader.RssReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defects found when Parvis was tried as attackers and new users would (issue 17), each checked
 * on the deployed EAR: control characters in what members write, redirects that leave the site,
 * following a member, the reverse proxy's headers, malformed and forged requests.
 */
class HardeningIT {

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void controlCharactersInTitlesAndCommentsNeverBreakTheFeeds() throws Exception {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "ctl-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", InitiativesIT.PASSWORD);
    var writer = InitiativesIT.signIn(author);
    long initiative = InitiativesIT.propose(writer, "Piste\u000b cyclable\u0000 rue " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    writer.get(page);
    var commented =
        writer.submit(
            "comment",
            "comment:post",
            Map.of("comment:stance", "FOR", "comment:body", "Oui\u0000\u0001\u001b, vite " + id));
    assertThat(commented.statusCode()).isIn(200, 302, 303);

    var shown = Jsoup.parse(new WebSession().get(page).body());
    assertThat(shown.select("h1").text()).isEqualTo("Piste cyclable rue " + id);
    assertThat(shown.select(".comment .text").text()).contains("Oui, vite " + id);

    for (String feed :
        List.of(
            "/reseau/flux/initiatives",
            "/reseau/flux/themes/TRANSPORT",
            "/reseau/flux/territoires/COMMUNE/23096",
            "/reseau/flux/territoires/DEPARTEMENT/23",
            "/reseau/flux/initiatives/" + initiative,
            "/reseau/flux/membres/" + author)) {
      for (String type : List.of(".atom", ".rss")) {
        var response = Http.get(Http.baseUrl() + feed + type);
        assertThat(response.statusCode()).as(feed + type).isEqualTo(200);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
      }
      assertThat(
              new RssReader()
                  .read(
                      new ByteArrayInputStream(
                          Http.get(Http.baseUrl() + feed + ".rss")
                              .body()
                              .getBytes(StandardCharsets.UTF_8))))
          .as(feed)
          .isNotEmpty();
    }
  }

  @Test
  void theLanguageSwitchNeverRedirectsToAnotherSite() {
    for (String path :
        List.of(
            "//evil.example/?lang=en",
            "///evil.example/reseau/?lang=fr",
            "/%2F%2Fevil.example/?lang=en")) {
      var response = raw("GET", path, Map.of(), null);
      String location = response.headers().firstValue("Location").orElse("/");
      assertThat(location).as(path).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
      assertThat(URI.create(Http.baseUrl()).resolve(location).getHost())
          .as(path)
          .isEqualTo("localhost");
    }
    var kept = raw("GET", "/reseau/initiatives/?theme=TRANSPORT&lang=en", Map.of(), null);
    assertThat(kept.statusCode()).isEqualTo(303);
    assertThat(kept.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/reseau/initiatives/?theme=TRANSPORT");
  }

  @Test
  void aMemberFollowsAndUnfollowsAnother() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String followed = "suivie-" + id;
    String follower = "suiveur-" + id;
    MemberAccountsIT.registerAndConfirm(
        followed, followed + "@example.org", InitiativesIT.PASSWORD);
    MemberAccountsIT.registerAndConfirm(
        follower, follower + "@example.org", InitiativesIT.PASSWORD);
    var session = InitiativesIT.signIn(follower);
    String profile = "/reseau/membres/profil.xhtml?pseudo=" + followed;
    session.get(profile);
    var follow = session.submit("followMember", "followMember:follow", Map.of());
    assertThat(follow.statusCode()).isIn(302, 303);
    var page = Jsoup.parse(session.get(profile).body());
    assertThat(page.select("#followers").text()).startsWith("1 ");
    assertThat(page.select("#followMember\\:unfollow")).hasSize(1);
    var unfollow = session.submit("followMember", "followMember:unfollow", Map.of());
    assertThat(unfollow.statusCode()).isIn(302, 303);
    assertThat(Jsoup.parse(session.get(profile).body()).select("#followers").text())
        .startsWith("0 ");
  }

  @Test
  void behindATrustedProxyTheVisitorsAddressAndHttpsAreTheProxysWord() {
    // The e2e server trusts the loopback address as its proxy (PARVIS_TRUSTED_PROXIES).
    var https = raw("GET", "/reseau/", Map.of("X-Forwarded-Proto", "https"), null);
    assertThat(https.headers().firstValue("Strict-Transport-Security")).isPresent();
    var http = raw("GET", "/reseau/", Map.of(), null);
    assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();

    // Twenty failures from one visitor do not lock out the next one.
    String id = Long.toString(System.nanoTime() % 1_000_000);
    for (int i = 0; i < 21; i++) {
      var attacker = new WebSession().withHeader("X-Forwarded-For", "203.0.113.66");
      attacker.get("/reseau/connexion.xhtml");
      attacker.submit(
          "signin",
          "submit",
          Map.of(
              "email",
              "personne-" + id + "-" + i + "@example.org",
              "password",
              "mauvais mot de passe"));
    }
    String handle = "proxy-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = new WebSession().withHeader("X-Forwarded-For", "198.51.100.23");
    member.get("/reseau/connexion.xhtml");
    var signedIn =
        member.submit(
            "signin",
            "submit",
            Map.of("email", handle + "@example.org", "password", InitiativesIT.PASSWORD));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
    assertThat(Jsoup.parse(member.get("/reseau/compte/").body()).text())
        .as("the security log records the visitor, not the proxy")
        .contains("198.51.100.23");
  }

  @Test
  void strangersFailingOnAnAccountNeverLockItsHolderOutOfTheirUsualBrowser() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "verrou-" + id;
    String email = handle + "@example.org";
    MemberAccountsIT.registerAndConfirm(handle, email, InitiativesIT.PASSWORD);
    var usual = WebSession.member(Http.baseUrl(), email, InitiativesIT.PASSWORD);
    var deviceCookie =
        usual.cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("parvis-device"))
            .findFirst()
            .orElseThrow();

    for (int i = 0; i < 12; i++) {
      var stranger = new WebSession().withHeader("X-Forwarded-For", "203.0.113." + (100 + i));
      stranger.get("/reseau/connexion.xhtml");
      stranger.submit("signin", "submit", Map.of("email", email, "password", "devine " + i));
    }
    var elsewhere = new WebSession().withHeader("X-Forwarded-For", "198.51.100.99");
    elsewhere.get("/reseau/connexion.xhtml");
    var refused =
        elsewhere.submit(
            "signin", "submit", Map.of("email", email, "password", InitiativesIT.PASSWORD));
    assertThat(Jsoup.parse(refused.body()).text())
        .as("an unknown browser waits, even with the right password")
        .contains("Trop de tentatives");

    var again = new WebSession();
    again.cookies.getCookieStore().add(URI.create(Http.baseUrl()), deviceCookie);
    again.get("/reseau/connexion.xhtml");
    var signedIn =
        again.submit(
            "signin", "submit", Map.of("email", email, "password", InitiativesIT.PASSWORD));
    assertThat(signedIn.statusCode()).as("the holder's own browser does not").isIn(302, 303);
  }

  @Test
  void malformedRequestsGetAClearFourHundredNeverAServerError() {
    var badBytes = raw("GET", "/reseau/initiatives/?q=%FF%FE", Map.of(), null);
    assertThat(badBytes.statusCode()).isEqualTo(400);
    assertThat(badBytes.body()).contains("Requête invalide").doesNotContain("Exception");

    String big = "x=" + "a".repeat(3 * 1024 * 1024);
    var tooLarge =
        raw(
            "POST",
            "/contact.xhtml",
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept-Language", "en"),
            big);
    assertThat(tooLarge.statusCode()).isIn(400, 413);
    assertThat(tooLarge.body()).doesNotContain("Exception", "GRIZZLY", "Payara");

    String multipart = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n";
    var noBoundary =
        raw("POST", "/contact.xhtml", Map.of("Content-Type", "multipart/form-data"), multipart);
    assertThat(noBoundary.statusCode()).isEqualTo(400);
    // A protected page: Jakarta Security reads the body before any filter (to replay it after
    // sign-in); an anonymous visitor is sent to the sign-in page, never a server error.
    var protectedPage =
        raw(
            "POST",
            "/reseau/compte/initiative.xhtml",
            Map.of("Content-Type", "multipart/form-data"),
            multipart);
    assertThat(protectedPage.statusCode()).isBetween(300, 499);

    var stateless =
        raw(
            "POST",
            "/contact.xhtml",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "contact=contact&jakarta.faces.ViewState=stateless");
    assertThat(stateless.statusCode()).isEqualTo(400);
  }

  @Test
  void anUploadFormPostedWithoutMultipartIsABadRequest() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "urlenc-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(handle);
    var form = Jsoup.parse(member.get("/reseau/compte/initiative.xhtml").body());
    var fields =
        new java.util.HashMap<>(
            InitiativesIT.proposal(
                "Des bancs au bord de la Creuse " + id,
                "<p>Une description assez longue pour être acceptée.</p>",
                "23096"));
    fields.put("initiative", "initiative");
    fields.put("publish", "x");
    fields.put(
        "jakarta.faces.ViewState", form.selectFirst("input[name=jakarta.faces.ViewState]").val());
    var response = member.postWithoutViewState("/reseau/compte/initiative.xhtml", fields);
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    var visitor = new WebSession();
    visitor.get("/contact.xhtml");
    visitor.withHeader("Origin", "https://evil.example");
    var forged = visitor.submit("contact", "send", Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("Formulaire refusé");
  }

  @Test
  void aSessionIdInTheAddressIsNeverHonoured() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "session-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(handle);
    assertThat(member.get("/reseau/compte/").statusCode()).isEqualTo(200);
    var stolen = raw("GET", "/reseau/compte/;jsessionid=" + member.sessionId(), Map.of(), null);
    assertThat(stolen.statusCode()).isIn(302, 303);
    assertThat(stolen.body()).doesNotContain(handle);
    var open = raw("GET", "/reseau/initiatives/;jsessionid=" + member.sessionId(), Map.of(), null);
    assertThat(open.statusCode()).isEqualTo(303);
    assertThat(open.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/reseau/initiatives/");
  }

  @Test
  void theHostHeaderNeverBuildsARedirect() throws Exception {
    // Container redirects (a folder without its slash), the language switch, and the redirect of
    // an anonymous visitor to each side's sign-in page.
    for (String path :
        List.of(
            "/reseau/initiatives",
            "/console",
            "/reseau/?lang=en",
            "/reseau/compte/",
            "/console/staff/",
            "/console/staff/privacy/")) {
      var url = URI.create(Http.baseUrl());
      try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                ("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        assertThat(head).as(path).matches("(?s)HTTP/1.1 30[1237].*").doesNotContain("evil.example");
      }
    }
  }

  @Test
  void aMemberSentToSignInComesBackToThePageTheyAskedFor() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "back-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var visitor = new WebSession();
    var asked = visitor.get("/reseau/compte/notifications.xhtml?page=2");
    assertThat(asked.statusCode()).isIn(302, 303);
    assertThat(asked.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/reseau/connexion.xhtml");
    visitor.get("/reseau/connexion.xhtml");
    var signedIn =
        visitor.submit(
            "signin",
            "submit",
            Map.of("email", handle + "@example.org", "password", InitiativesIT.PASSWORD));
    assertThat(signedIn.statusCode()).isIn(302, 303);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/reseau/compte/notifications.xhtml?page=2");
    assertThat(visitor.get("/reseau/compte/notifications.xhtml?page=2").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theHttpsPortServesTheCertificateThePartyGave() throws Exception {
    // The build gives the server a certificate of its own (PARVIS_TLS_CERTIFICATE and _KEY, PEM),
    // as a party would; Payara's bundled key, the same on every install, is never served.
    var given =
        java.nio.file.Path.of(System.getProperty("parvis.buildDir"), "party-tls", "fullchain.pem");
    java.security.cert.Certificate certificate;
    try (var in = java.nio.file.Files.newInputStream(given)) {
      certificate =
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    var trusted = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("party", certificate);
    var trust =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    var tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    int httpsPort = URI.create(Http.baseUrl()).getPort() - 8080 + 8181;
    try (var socket =
        (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", httpsPort)) {
      socket.startHandshake();
      assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(certificate);
    }
  }

  @Test
  void signedInPagesAreNeverCached() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "cache-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(handle);
    assertThat(member.get("/reseau/compte/").headers().firstValue("Cache-Control"))
        .contains("no-store");
  }

  @Test
  void anErasedMembersKeptContributionsTieToNobody() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "efface-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var leaving = InitiativesIT.signIn(handle);
    long initiative = InitiativesIT.propose(leaving, "Des toilettes publiques au marché " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    leaving.get(page);
    leaving.submit(
        "comment",
        "comment:post",
        Map.of("comment:stance", "FOR", "comment:body", "Je le redis ici " + id));
    var api = Http.get(Http.baseUrl() + "/reseau/api/membres/" + handle);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .as("days, never instants")
        .containsPattern("\"since\":\"\\d{4}-\\d{2}-\\d{2}\"");
    assertThat(Http.get(Http.baseUrl() + "/reseau/api/initiatives/" + initiative).body())
        .doesNotContainPattern("T\\d{2}:\\d{2}");

    leaving.get("/reseau/compte/supprimer.xhtml");
    var erased =
        leaving.submit(
            "erasure",
            "erase",
            Map.of(
                "contributions", "KEEP", "password", InitiativesIT.PASSWORD, "confirmed", "true"));
    assertThat(erased.statusCode()).isIn(302, 303);

    var reader = new WebSession();
    var shown = Jsoup.parse(reader.get(page).body());
    assertThat(shown.text())
        .contains("Des toilettes publiques au marché " + id, "Je le redis ici " + id);
    assertThat(shown.select("a[href*=profil.xhtml]").eachAttr("href"))
        .as("kept contributions link to no profile")
        .noneMatch(href -> href.contains("supprime"));
    assertThat(shown.html()).doesNotContain("supprime-");
    assertThat(shown.select(".author-erased").text()).contains("Participant supprimé");
    String signedInReader = "lectrice-" + id;
    MemberAccountsIT.registerAndConfirm(
        signedInReader, signedInReader + "@example.org", InitiativesIT.PASSWORD);
    assertThat(InitiativesIT.signIn(signedInReader).get(page).statusCode())
        .as("a signed-in reader too")
        .isEqualTo(200);
    assertThat(Http.get(Http.baseUrl() + "/reseau/api/initiatives/" + initiative).body())
        .doesNotContain("supprime-", handle);

    String tombstone =
        Jsoup.parse(reader.get("/reseau/initiatives/?q=toilettes").body())
            .select("a[href*=pseudo=supprime-]")
            .attr("href");
    assertThat(tombstone).isEmpty();
    assertThat(Http.get(Http.baseUrl() + "/reseau/api/membres/" + handle).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(Http.baseUrl() + "/reseau/flux/membres/" + handle + ".atom").statusCode())
        .isEqualTo(404);

    // The handle is not free for someone else to take.
    var newcomer = new WebSession();
    newcomer.get("/reseau/inscription.xhtml");
    var taken =
        newcomer.submit(
            "register",
            "submit",
            Map.of(
                "displayName", "Quelqu’un d’autre",
                "handle", handle,
                "email", "autre-" + id + "@example.org",
                "password", InitiativesIT.PASSWORD,
                "postalCode", "23000",
                "communeCode", "23096",
                "consent", "on"));
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(taken.body()).select(".field-error").text()).isNotEmpty();
  }

  @Test
  void anOfficialAppointedAfterPublicationFindsItInTheirInboxAndOnTheTerritoryPage() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "ahun-" + id;
    String councillor = "creuse-" + id;
    MemberAccountsIT.registerAndConfirm(author, author + "@example.org", InitiativesIT.PASSWORD);
    MemberAccountsIT.registerAndConfirm(
        councillor, councillor + "@example.org", InitiativesIT.PASSWORD);
    var writer = InitiativesIT.signIn(author);
    writer.get("/reseau/compte/initiative.xhtml");
    var published =
        writer.submit(
            "initiative",
            "publish",
            InitiativesIT.proposal(
                "Un abri à vélos devant l’école d’Ahun " + id,
                "<p>Les enfants viennent à vélo et n’ont nulle part où le garer.</p>",
                "23001"));
    assertThat(published.statusCode()).as(published.body()).isIn(302, 303);
    String location = published.headers().firstValue("Location").orElseThrow();
    String initiative = location.substring(location.indexOf("id=") + 3);

    var admin = Administrator.signedIn();
    admin.get("/console/staff/admin/officials.xhtml");
    var granted =
        admin.submit(
            "grant",
            "grantSubmit",
            Map.of(
                "handle", councillor,
                "mandateTitle", "Conseillère départementale de la Creuse",
                "territoryKind", "DEPARTEMENT",
                "territoryCode", "23",
                "endsOn", java.time.LocalDate.now().plusYears(2).toString()));
    assertThat(Jsoup.parse(granted.body()).select(".messages").text()).contains("@" + councillor);

    var official = new WebSession();
    official.get("/reseau/connexion.xhtml");
    official.submit(
        "signin",
        "submit",
        Map.of("email", councillor + "@example.org", "password", InitiativesIT.PASSWORD));
    SecondFactor.enrol(
        official, "/reseau/compte/double-authentification.xhtml", councillor + "@example.org");
    var inbox = Jsoup.parse(official.get("/reseau/compte/elu.xhtml").body());
    assertThat(inbox.select("#inbox a").eachAttr("href"))
        .as("routed when the mandate was granted, after the publication")
        .anyMatch(h -> h.endsWith("id=" + initiative));

    var territory =
        Jsoup.parse(
            new WebSession().get("/reseau/territoires/voir.xhtml?type=COMMUNE&code=23001").body());
    assertThat(territory.select("a[href*=pseudo=" + councillor + "]"))
        .as("the département's official covers its communes")
        .isNotEmpty();
  }

  @Test
  void validationMessagesReachThePage() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String handle = "valide-" + id;
    MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    var member = InitiativesIT.signIn(handle);
    member.get("/reseau/compte/initiative.xhtml");
    var fields =
        new java.util.HashMap<>(
            InitiativesIT.proposal(
                "Un territoire qui n’existe pas " + id,
                "<p>Une description assez longue pour être acceptée.</p>",
                ""));
    fields.put("territoryKind", "DEPARTEMENT");
    fields.put("territoryCode", "999");
    var unknownTerritory = member.submit("initiative", "publish", fields);
    assertThat(unknownTerritory.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(unknownTerritory.body()).select(".field-error").text())
        .contains("Ce territoire est inconnu");

    long initiative = InitiativesIT.propose(member, "Des bancs au bord de la Creuse " + id);
    member.get("/reseau/initiatives/voir.xhtml?id=" + initiative);
    var badStance =
        member.submit(
            "comment",
            "comment:post",
            Map.of("comment:stance", "MAYBE", "comment:body", "Je ne sais pas encore."));
    assertThat(badStance.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(badStance.body()).select(".field-error").text())
        .as("the stance field says what is wrong, in French")
        .contains("Votre position : choisissez une des réponses proposées.")
        .doesNotContain("erreur de validation");
  }

  private static HttpResponse<String> raw(
      String method, String path, Map<String, String> headers, String body) {
    return Http.raw(method, path, headers, body);
  }
}
