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
    assertThat(
            Jsoup.parse(hater.get("/reseau/compte/notifications.xhtml").body())
                .select("#notifications")
                .text())
        .contains("Masqué en attendant l’examen d’un modérateur");

    // In the console's queue, with its reasons; a decision needs a statement; restoring it shows
    // the comment again and tells its author.
    var admin = Administrator.signedIn();
    var queue = Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body());
    var item =
        queue.select("form.queue-item").stream()
            .filter(f -> f.text().contains("Espèce de connard"))
            .findFirst()
            .orElseThrow();
    assertThat(item.select(".reasons").text()).contains("ATTACK");
    String authorRecord = item.select("a.author-link").attr("href");
    var refused =
        admin.submit(item.id(), item.id() + ":keep", Map.of(item.id() + ":statement", ""));
    assertThat(Jsoup.parse(refused.body()).select(".messages").text())
        .contains("Motivez la décision");
    queue = Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body());
    item =
        queue.select("form.queue-item").stream()
            .filter(f -> f.text().contains("Espèce de connard"))
            .findFirst()
            .orElseThrow();
    admin.submit(
        item.id(),
        item.id() + ":keep",
        Map.of(item.id() + ":statement", "Insulte vive mais isolée, avertissement oral donné."));
    assertThat(new WebSession().get(page).body()).contains("Espèce de connard");
    assertThat(
            Jsoup.parse(hater.get("/reseau/compte/notifications.xhtml").body())
                .select("#notifications")
                .text())
        .contains("De nouveau visible");
    assertThat(Jsoup.parse(admin.get("/console/staff/moderation/queue.xhtml").body()).text())
        .doesNotContain("Espèce de connard");

    // Graduated sanctions from the author's record: a warning, a suspension that stops them
    // commenting until it is lifted, then a ban.
    admin.get(authorRecord);
    admin.submit(
        "sanction",
        "impose",
        Map.of("kind", "WARN", "days", "1", "statement", "Insultes envers un autre membre."));
    assertThat(Jsoup.parse(hater.get("/reseau/compte/").body()).select("#security-log").text())
        .contains("Avertissement de la modération");
    admin.get(authorRecord);
    admin.submit(
        "sanction",
        "impose",
        Map.of("kind", "SUSPEND", "days", "3", "statement", "Récidive d’insultes : trois jours."));
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
    var lifted =
        admin.submit(
            "lift",
            "liftButton",
            Map.of(
                "sanctionToLift",
                record.select("#sanctionToLift option").first().attr("value"),
                "liftStatement",
                "Levée après échange avec le membre."));
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
    admin.get(authorRecord);
    admin.submit(
        "sanction",
        "impose",
        Map.of("kind", "BAN", "days", "1", "statement", "Menaces répétées, bannissement."));
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
        queue.select("form.queue-item").stream()
            .filter(f -> f.text().contains("le maire ment"))
            .findFirst()
            .orElseThrow();
    assertThat(item.select(".reasons").text()).contains("REPORTS:1");
    admin.submit(
        item.id(),
        item.id() + ":keep",
        Map.of(item.id() + ":statement", "Critique politique forte mais légitime."));
    assertThat(
            Jsoup.parse(reporter.get("/reseau/compte/notifications.xhtml").body())
                .select("#notifications")
                .text())
        .contains("Signalement non retenu");
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
