package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moderation a posteriori on the deployed EAR: every item is published at once, then screened; a
 * hateful comment is hidden at once (its place in the thread kept, its author told), a spam
 * initiative from a brand-new account disappears for everyone but its author, and strong criticism
 * stays up.
 */
class ModerationIT {

  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");

  @BeforeAll
  static void mailServer() {
    Mailbox.start();
  }

  @Test
  void aHatefulCommentIsHiddenAtOnceAndItsAuthorTold() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String author = "porteuse-" + id;
    String troll = "troll-" + id;
    String critic = "critique-" + id;
    for (String handle : new String[] {author, troll, critic}) {
      MemberAccountsIT.registerAndConfirm(handle, handle + "@example.org", InitiativesIT.PASSWORD);
    }
    long initiative =
        InitiativesIT.propose(InitiativesIT.signIn(author), "Un marché bio le samedi matin " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;

    var hater = InitiativesIT.signIn(troll);
    hater.get(page);
    var posted =
        hater.submit(
            "comment",
            "comment:post",
            Map.of(
                "comment:stance", "AGAINST",
                "comment:body", "Espèce de connard, ton marché ne sert à rien."));
    assertThat(posted.statusCode()).as("published at once, never held back").isIn(302, 303);
    var strong = InitiativesIT.signIn(critic);
    strong.get(page);
    strong.submit(
        "comment",
        "comment:post",
        Map.of(
            "comment:stance", "AGAINST",
            "comment:body",
                "Ce projet est une honte et le maire ment sur les chiffres du budget."));

    var thread = Jsoup.parse(new WebSession().get(page).body());
    assertThat(thread.select(".hidden-notice").text()).contains("masqué");
    assertThat(thread.text()).doesNotContain("Espèce de connard");
    assertThat(thread.select(".comment .text").text())
        .as("strong criticism stays up")
        .contains("le maire ment sur les chiffres");
    // Its author still reads it, and is told.
    assertThat(hater.get(page).body()).contains("Espèce de connard");
    assertThat(ModerationQueue.notices(hater))
        .contains("Masqué en attendant l’examen d’un modérateur");

    // In the console's queue, with its reasons; a decision needs a statement; restoring it shows
    // the comment again and tells its author.
    var admin = Administrator.signedIn();
    var queue = Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body());
    var item =
        queue.select("div.queue-item").stream()
            .filter(f -> f.text().contains("Espèce de connard, ton marché"))
            .findFirst()
            .orElseThrow();
    assertThat(item.select(".reasons li").eachText())
        .containsOnlyOnce("Attaque personnelle : mot ou expression de la liste de filtrage");
    assertThat(item.select(".level").text()).isIn("moyen", "élevé");
    assertThat(item.select("textarea").text().replace('\u00a0', ' '))
        .as("a statement proposed from screening's category, to edit or take as it is")
        .isEqualTo(
            "Contenu masqué : attaque personnelle, contraire à la charte. La critique des idées"
                + " et des élus reste libre.");
    assertThat(item.select(".excerpt mark").eachText())
        .as("what triggered screening marked")
        .contains("Espèce de connard");
    assertThat(item.select(".standing").text()).contains("contenu");
    String authorRecord = item.select("a.author-link").attr("href");
    var refused = ModerationQueue.press(admin, item, "keep", "statement", "");
    assertThat(Jsoup.parse(refused.body()).select(".messages").text())
        .contains("Motivez la décision");
    queue = Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body());
    item =
        queue.select("div.queue-item").stream()
            .filter(f -> f.text().contains("Espèce de connard, ton marché"))
            .findFirst()
            .orElseThrow();
    ModerationQueue.press(
        admin, item, "keep", "statement", "Insulte vive mais isolée, avertissement oral donné.");
    assertThat(new WebSession().get(page).body()).contains("Espèce de connard");
    assertThat(ModerationQueue.notices(hater))
        .contains("De nouveau visible", "Insulte vive mais isolée");
    assertThat(Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body()).text())
        .doesNotContain("Espèce de connard");

    // Graduated sanctions from the author's record: a warning, a suspension that stops them
    // commenting until it is lifted, then a ban.
    ModerationQueue.sanction(admin, authorRecord, "WARN", 1, "Insultes envers un autre membre.");
    assertThat(Jsoup.parse(hater.get("/reseau/compte/").body()).select("#security-log").text())
        .contains("Avertissement de la modération");
    assertThat(ModerationQueue.notices(hater))
        .contains("Avertissement d’un modérateur", "Insultes envers un autre membre.");
    assertThat(Mailbox.textTo(troll + "@example.org", "Insultes envers un autre membre."))
        .as("the statement of reasons is mailed at once, whatever the member's mail frequency")
        .contains("Un modérateur vous adresse un avertissement", "Motifs :");
    ModerationQueue.sanction(
        admin, authorRecord, "SUSPEND", 3, "Récidive d’insultes : trois jours.");
    hater.get(page);
    var blocked =
        hater.submit(
            "comment",
            "comment:post",
            Map.of("comment:stance", "FOR", "comment:body", "Je voulais juste ajouter un mot."));
    assertThat(blocked.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(blocked.body()).text()).contains("Votre compte est suspendu");
    var record = Jsoup.parse(admin.get(authorRecord).body());
    assertThat(record.select("#authorHandle").text()).isEqualTo("@" + troll);
    assertThat(record.select("#sanctions .kind").text()).contains("Suspension", "Avertissement");
    var lifted = ModerationQueue.liftLatest(admin, record, "Levée après échange avec le membre.");
    assertThat(lifted.statusCode()).as(lifted.body()).isIn(302, 303);
    hater.get(page);
    assertThat(
            hater
                .submit(
                    "comment",
                    "comment:post",
                    Map.of("comment:stance", "FOR", "comment:body", "Merci, je reste courtois."))
                .statusCode())
        .isIn(302, 303);
    ModerationQueue.sanction(admin, authorRecord, "BAN", 1, "Menaces répétées, bannissement.");
    hater.get(page);
    assertThat(
            Jsoup.parse(
                    hater
                        .submit(
                            "comment",
                            "comment:post",
                            Map.of("comment:stance", "FOR", "comment:body", "Encore un mot ?"))
                        .body())
                .text())
        .contains("Votre compte est suspendu");

    // A member reports the strong criticism; moderators keep it up and the reporter is told.
    var reporter = InitiativesIT.signIn(author);
    var reportLinks =
        Jsoup.parse(reporter.get(page).body()).select(".report-link a").stream()
            .map(a -> a.attr("href"))
            .filter(h -> h.contains("type=COMMENT"))
            .toList();
    assertThat(reportLinks).isNotEmpty();
    String reportPage =
        reportLinks.stream()
            .filter(
                h -> {
                  var form = Jsoup.parse(reporter.get(h).body());
                  return form.select("blockquote.reported").text().contains("le maire ment");
                })
            .findFirst()
            .orElseThrow();
    reporter.get(reportPage);
    var sent =
        reporter.submit(
            "report", "send", Map.of("reason", "HARASSMENT", "details", "Il insulte le maire."));
    assertThat(sent.statusCode()).isIn(302, 303);
    reporter.get(reportPage);
    var again = reporter.submit("report", "send", Map.of("reason", "HARASSMENT"));
    assertThat(Jsoup.parse(again.body()).select(".messages").text())
        .contains("déjà signalé ce contenu");
    queue = Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body());
    item =
        queue.select("div.queue-item").stream()
            .filter(f -> f.text().contains("le maire ment"))
            .findFirst()
            .orElseThrow();
    assertThat(item.select(".reasons").text()).contains("1 signalement de membre");
    ModerationQueue.press(
        admin, item, "keep", "statement", "Critique politique forte mais légitime.");
    assertThat(ModerationQueue.notices(reporter)).contains("Signalement non retenu");
    assertThat(new WebSession().get(page).body()).contains("le maire ment sur les chiffres");

    // The public transparency page counts this month's automatic and human actions.
    var figures = Jsoup.parse(new WebSession().get("/reseau/transparence.xhtml").body());
    var thisMonth = figures.select("#figures tbody tr").first();
    assertThat(Long.parseLong(thisMonth.select("td.automatic").text())).isPositive();
    assertThat(Long.parseLong(thisMonth.select("td.human").text())).isPositive();
    assertThat(Long.parseLong(thisMonth.select("td.action-AUTO_HIDE").text())).isPositive();
    assertThat(figures.select("#charter").text()).contains("Rien n’est contrôlé avant publication");
  }

  @Test
  void anOffensiveProfileIsReportedHiddenWithItsReasonsAndRestoredOnAppealByAnotherModerator() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String offender = "pseudo-" + id;
    String neighbour = "voisine-" + id;
    MemberAccountsIT.registerAndConfirm(
        offender, offender + "@example.org", InitiativesIT.PASSWORD);
    MemberAccountsIT.registerAndConfirm(
        neighbour, neighbour + "@example.org", InitiativesIT.PASSWORD);
    String profile = "/reseau/membres/profil.xhtml?pseudo=" + offender;

    var reporter = InitiativesIT.signIn(neighbour);
    String link = Jsoup.parse(reporter.get(profile).body()).select("#reportProfile").attr("href");
    assertThat(link).contains("type=PROFILE");
    reporter.get(link);
    var sent =
        reporter.submit("report", "send", Map.of("reason", "HATE", "details", "Nom injurieux."));
    assertThat(sent.headers().firstValue("Location").orElseThrow()).contains(offender);

    var admin = Administrator.signedIn();
    var item =
        Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body())
            .select("div.queue-item")
            .stream()
            .filter(f -> f.select(".excerpt").text().contains("@" + offender))
            .findFirst()
            .orElseThrow();
    assertThat(item.text()).contains("Profil");
    ModerationQueue.press(
        admin, item, "hide", "statement", "Nom d’affichage injurieux envers une communauté.");
    assertThat(new WebSession().get(profile).statusCode()).isEqualTo(404);
    assertThat(ModerationQueue.notices(reporter)).contains("Signalement d’un profil retenu");

    // The author reads the reasons in the app and in a mail, with the way to appeal.
    var author = InitiativesIT.signIn(offender);
    var notices =
        Jsoup.parse(author.get("/reseau/compte/notifications.xhtml").body())
            .select("#notifications");
    assertThat(notices.text())
        .contains("Votre profil a été masqué par un modérateur", "Nom d’affichage injurieux");
    assertThat(Mailbox.textTo(offender + "@example.org", "Nom d’affichage injurieux"))
        .contains("/reseau/compte/recours.xhtml?type=PROFILE&id=");
    String appeal = notices.select("a.appeal").attr("href");
    assertThat(author.get(appeal).statusCode()).isEqualTo(200);
    var appealed =
        author.submit(
            "appealForm",
            "send",
            Map.of(
                "text", "Mon pseudonyme est le nom de mon village " + id + ", pas une insulte."));
    assertThat(appealed.statusCode()).isIn(302, 303);

    // The moderator who decided cannot decide the appeal; another one grants it.
    var form = appealForm(admin, "village " + id);
    var refused =
        ModerationQueue.press(
            admin, form, "grant", "appealStatement", "Je me ravise après relecture.");
    assertThat(Jsoup.parse(refused.body()).select(".messages").text())
        .contains("Un recours est tranché par un autre modérateur");
    var second = Administrator.newStaff("moderatrice-" + id, "moderator");
    form = appealForm(second, "village " + id);
    ModerationQueue.press(
        second, form, "grant", "appealStatement", "Nom de lieu réel : le profil est rétabli.");
    assertThat(new WebSession().get(profile).statusCode()).isEqualTo(200);
    assertThat(ModerationQueue.notices(author))
        .contains("Recours accordé : votre profil est de nouveau visible", "Nom de lieu réel");
  }

  /** The form of the pending appeal whose text says this, in a moderator's queue. */
  private static org.jsoup.nodes.Element appealForm(WebSession moderator, String words) {
    return Jsoup.parse(moderator.get("/console/staff/moderation/queue.xhtml").body())
        .select("div.appeal-item")
        .stream()
        .filter(f -> f.select(".appeal-text").text().contains(words))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSpamInitiativeFromABrandNewAccountIsHiddenFromEveryoneButItsAuthor() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String spammer = "promo-" + id;
    MemberAccountsIT.registerAndConfirm(spammer, spammer + "@example.org", InitiativesIT.PASSWORD);
    var writer = InitiativesIT.signIn(spammer);
    writer.get("/reseau/compte/initiative.xhtml");
    var response =
        writer.submit(
            "initiative",
            "publish",
            InitiativesIT.proposal(
                "Des montres de luxe pour tous " + id,
                "<p>Cliquez ici : https://promo.example/a et https://promo.example/b pour des"
                    + " montres à prix cassés.</p>",
                ""));
    var matcher = ID.matcher(response.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).isTrue();
    String page = "/reseau/initiatives/voir.xhtml?id=" + matcher.group(1);

    assertThat(new WebSession().get(page).statusCode()).isEqualTo(404);
    assertThat(
            Jsoup.parse(new WebSession().get("/reseau/initiatives/?q=montres+" + id).body())
                .select(".initiative-card"))
        .isEmpty();
    var own = Jsoup.parse(writer.get(page).body());
    assertThat(own.select("#hiddenNotice").text()).contains("masquée");
  }

  @Test
  void aSpamBurstFromANewAccountIsCaught() {
    String id = Long.toString(System.nanoTime() % 1_000_000);
    String owner = "jardin-" + id;
    String spammer = "rafale-" + id;
    MemberAccountsIT.registerAndConfirm(owner, owner + "@example.org", InitiativesIT.PASSWORD);
    MemberAccountsIT.registerAndConfirm(spammer, spammer + "@example.org", InitiativesIT.PASSWORD);
    long initiative =
        InitiativesIT.propose(InitiativesIT.signIn(owner), "Des bancs au jardin public " + id);
    String page = "/reseau/initiatives/voir.xhtml?id=" + initiative;
    var burst = InitiativesIT.signIn(spammer);
    for (int n = 0; n < 5; n++) {
      burst.get(page);
      burst.submit(
          "comment",
          "comment:post",
          Map.of(
              "comment:stance",
              "FOR",
              "comment:body",
              "Rejoignez mon groupe, super affaire " + id));
    }
    var thread = Jsoup.parse(new WebSession().get(page).body());
    assertThat(thread.select(".hidden-notice")).as("the repeats are hidden").isNotEmpty();
    assertThat(
            thread.select(".comment .text").eachText().stream()
                .filter(t -> t.contains("super affaire"))
                .count())
        .as("the first copies stay up, in the queue")
        .isLessThan(5);
  }
}
