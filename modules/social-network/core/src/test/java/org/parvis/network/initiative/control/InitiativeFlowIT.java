package org.parvis.network.initiative.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.network.NetworkFixture;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.Initiatives.Proposal;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;

/**
 * The citizen network's whole flow on Payara Micro and the network database: propose, publish, sign
 * and join, counter-initiative, debate, an official's answer, notifications and their emails; then
 * hundreds of members signing one initiative at once.
 */
@ExtendWith(ArquillianExtension.class)
class InitiativeFlowIT {

  private static final String ADDRESS = "198.51.100.7";

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "social-network-initiatives",
        InitiativeFlowIT.class,
        NetworkFixture.class,
        PublishedContent.class);
  }

  @Inject NetworkDatabase database;
  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject Debate debate;
  @Inject OfficialRouting routing;
  @Inject Follows follows;
  @Inject MemberFeed feed;
  @Inject Notifications notifications;
  @Inject Participation participation;
  @Inject OfficialRegistry officials;
  @Inject UserTransaction transaction;
  @Inject PublishedContent publishedContent;
  @Inject org.parvis.network.territory.control.TerritoryDirectory territories;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void proposeSignCounterDebateAnswerAndNotify() throws Exception {
    String author = NetworkFixture.handle("autrice");
    String official = NetworkFixture.handle("maire");
    String follower = NetworkFixture.handle("voisin");
    String critic = NetworkFixture.handle("critique");
    String spectator = NetworkFixture.handle("lecteur");
    List<String> signers = List.of(NetworkFixture.handle("s1"), NetworkFixture.handle("s2"));
    transaction.begin();
    for (String h : List.of(author, official, follower, critic, spectator)) {
      NetworkFixture.member(em, h);
    }
    signers.forEach(h -> NetworkFixture.member(em, h));
    NetworkFixture.secondFactorProved(em, official);
    transaction.commit();
    assertThat(
            officials.grant(
                "admin",
                official,
                "Maire de Guéret",
                "COMMUNE",
                NetworkFixture.GUERET,
                LocalDate.now().plusYears(3)))
        .isEmpty();

    // Bad input: one message per field, nothing written.
    var refused =
        initiatives.propose(
            author,
            new Proposal(
                "court",
                "<script>x</script>",
                "NOPE",
                "COMMUNE",
                "99999",
                0,
                LocalDate.now().minusDays(1),
                null,
                null),
            true,
            ADDRESS);
    assertThat(refused.problems())
        .containsEntry("title", "initiative.title.invalid")
        .containsEntry("description", "initiative.description.invalid")
        .containsEntry("theme", "initiative.theme.invalid")
        .containsEntry("territory", "initiative.territory.invalid")
        .containsEntry("signatureGoal", "initiative.goal.invalid")
        .containsEntry("deadline", "initiative.deadline.invalid");

    // Proposed and published at once; the description is sanitised on the server.
    var proposed =
        initiatives.propose(
            author,
            new Proposal(
                "Des pistes cyclables sûres jusqu'aux écoles",
                "<p>Relier chaque <strong>école</strong> de Guéret au centre par une piste"
                    + " protégée.</p><script>alert('x')</script>",
                "TRANSPORT",
                "COMMUNE",
                NetworkFixture.GUERET,
                4,
                null,
                null,
                null),
            true,
            ADDRESS);
    assertThat(proposed.problems()).isEmpty();
    long id = proposed.id();
    var view = initiatives.view(id, null).orElseThrow();
    assertThat(view.status()).isEqualTo("PUBLISHED");
    assertThat(view.description()).contains("<strong>école</strong>").doesNotContain("script");
    assertThat(view.territory().departementCode()).isEqualTo("23");

    // Routed to the official of the commune.
    assertThat(routing.inbox(official, 0, 20)).extracting(Initiatives.Summary::id).contains(id);
    assertThat(routing.mayAnswer(official, id)).isTrue();
    assertThat(routing.mayAnswer(follower, id)).isFalse();

    // Found by territory, theme and words (accents and plurals aside).
    assertThat(
            initiatives
                .list(
                    new Filter("DEPARTEMENT", "23", "TRANSPORT", null, "new", "ECOLE cyclable"), 0)
                .items())
        .extracting(Initiatives.Summary::id)
        .contains(id);
    assertThat(
            initiatives.list(new Filter(null, null, "HEALTH", null, null, "cyclable"), 0).items())
        .extracting(Initiatives.Summary::id)
        .doesNotContain(id);

    // Follow, sign, join.
    assertThat(follows.follow(follower, Follows.INITIATIVE, Long.toString(id))).isEmpty();
    for (String s : signers) {
      assertThat(petitions.sign(s, id)).isEmpty();
      assertThat(petitions.sign(s, id)).as("twice is once").isEmpty();
    }
    assertThat(petitions.join(signers.get(0), id)).isEmpty();
    var counts = petitions.counts(id, signers.get(0));
    assertThat(counts.signatures()).isEqualTo(2);
    assertThat(counts.joiners()).isEqualTo(1);
    assertThat(counts.signed()).isTrue();
    assertThat(counts.joined()).isTrue();
    assertThat(petitions.withdraw(signers.get(1), id)).isEmpty();
    assertThat(petitions.counts(id, signers.get(1)).signatures()).isEqualTo(1);
    assertThat(petitions.counts(id, signers.get(1)).signed()).isFalse();
    assertThat(petitions.sign(signers.get(1), id)).isEmpty();
    assertThat(petitions.sign(follower, id)).isEmpty();
    while (petitions.rollUp() > 0) {}
    assertThat(initiatives.view(id, null)).isPresent();
    assertThat(signatureCountColumn(id)).isEqualTo(3);

    // A counter-initiative: both show each other, followers are told.
    var counter =
        initiatives.propose(
            critic,
            new Proposal(
                "Plutôt des navettes électriques vers les écoles",
                "<p>Une navette coûte moins cher et sert aussi les personnes âgées.</p>",
                "TRANSPORT",
                "COMMUNE",
                NetworkFixture.GUERET,
                null,
                null,
                id,
                "ALTERNATIVE"),
            true,
            ADDRESS);
    assertThat(counter.problems()).isEmpty();
    assertThat(initiatives.counters(id)).extracting(Initiatives.Summary::id).contains(counter.id());
    assertThat(initiatives.view(counter.id(), null).orElseThrow().counterOf().id()).isEqualTo(id);

    // Debate: stances, a reply, a quote, the edit window.
    var first =
        debate.comment(critic, id, "AGAINST", "Trop cher pour la commune.", null, null, ADDRESS);
    assertThat(first.problem()).isNull();
    var reply =
        debate.comment(
            author, id, "FOR", "Des subventions existent.", first.id(), first.id(), ADDRESS);
    assertThat(reply.problem()).isNull();
    assertThat(debate.comment(follower, id, "MAYBE", "Hmm", null, null, ADDRESS).problem())
        .isEqualTo("comment.stance.invalid");
    assertThat(debate.edit(author, reply.id(), "Des subventions régionales existent.", ADDRESS))
        .isEmpty();
    assertThat(debate.edit(follower, reply.id(), "pirate", ADDRESS))
        .contains("comment.edit.closed");
    var page = debate.page(id, 0, author);
    assertThat(page.threads()).hasSize(1);
    var thread = page.threads().get(0);
    assertThat(thread.stance()).isEqualTo("AGAINST");
    assertThat(thread.replies()).hasSize(1);
    assertThat(thread.replies().get(0).body()).isEqualTo("Des subventions régionales existent.");
    assertThat(thread.replies().get(0).quotedHandle()).isEqualTo(critic);
    assertThat(thread.replies().get(0).editable()).isTrue();

    // The official answers in public; the initiative is marked answered; the inbox empties.
    assertThat(routing.answer(official, id, "trop court", ADDRESS)).contains("answer.body.invalid");
    assertThat(
            routing.answer(follower, id, "Je ne suis pas élu mais je réponds quand même.", ADDRESS))
        .contains("answer.not-allowed");
    assertThat(
            routing.answer(
                official,
                id,
                "Le conseil municipal étudiera un plan vélo en mars ; merci pour cette initiative.",
                ADDRESS))
        .isEmpty();
    assertThat(routing.answer(official, id, "Une seconde réponse formelle, non merci.", ADDRESS))
        .contains("answer.already");
    assertThat(initiatives.view(id, null).orElseThrow().answeredAt()).isNotNull();
    assertThat(routing.answers(id))
        .extracting(OfficialRouting.Answer::mandate)
        .containsExactly("Maire de Guéret");
    assertThat(routing.inbox(official, 0, 20))
        .extracting(Initiatives.Summary::id)
        .doesNotContain(id);
    var responsiveness = routing.responsiveness(official);
    assertThat(responsiveness.answered()).isEqualTo(1);
    assertThat(responsiveness.medianDelay()).isNotNull();

    // Followers were notified of the counter-initiative, the comments and the answer.
    assertThat(notifications.list(follower, 0))
        .extracting(Notifications.Entry::kind)
        .contains("COUNTER", "COMMENT", "ANSWER");
    assertThat(notifications.list(author, 0))
        .extracting(Notifications.Entry::kind)
        .as("the author follows their initiative; not told of their own comment")
        .contains("COUNTER", "ANSWER");
    assertThat(notifications.unread(follower)).isGreaterThanOrEqualTo(3);
    notifications.markAllRead(follower);
    assertThat(notifications.unread(follower)).isZero();

    // Emails: the follower gets one immediately, a weekly member waits, NONE gets none.
    assertThat(notifications.setFrequency(author, "WEEKLY")).isEmpty();
    assertThat(notifications.setFrequency(signers.get(0), "NONE")).isEmpty();
    assertThat(notifications.setFrequency(follower, "sometimes"))
        .contains("notifications.frequency.invalid");
    notifications.mailDue();
    assertThat(mailsTo(follower + "@example.org")).isEqualTo(1);
    assertThat(lastMailBody(follower + "@example.org"))
        .contains("Réponse d’un élu à « Des pistes cyclables")
        .contains("/initiatives/voir.xhtml?id=" + id);
    assertThat(mailsTo(signers.get(0) + "@example.org")).isZero();
    long authorMails = mailsTo(author + "@example.org");
    notifications.mailDue();
    assertThat(mailsTo(author + "@example.org")).as("digest period").isEqualTo(authorMails);

    // The participation ladder and the feed.
    assertThat(participation.level(author)).isEqualTo(Participation.Level.CREATOR);
    assertThat(participation.level(critic)).isEqualTo(Participation.Level.CREATOR);
    assertThat(participation.level(follower)).isEqualTo(Participation.Level.JOINER);
    assertThat(participation.level(spectator)).isEqualTo(Participation.Level.SPECTATOR);
    assertThat(feed.page(follower, 0).items()).extracting(Initiatives.Summary::id).contains(id);
    assertThat(follows.follow(spectator, Follows.TERRITORY, "DEPARTEMENT:23")).isEmpty();
    assertThat(feed.page(spectator, 0).items())
        .extracting(Initiatives.Summary::id)
        .contains(id, counter.id());

    // Moderation hears of every publication and edit, ids only.
    assertThat(publishedContent.of(id))
        .extracting(e -> e.kind() + (e.edited() ? " edited" : ""))
        .containsExactly("INITIATIVE", "COMMENT", "COMMENT", "COMMENT edited", "ANSWER");

    // The author ends it; nobody can sign any more.
    assertThat(initiatives.end(critic, id, "ACHIEVED")).contains("initiative.not-yours");
    assertThat(initiatives.end(author, id, "ACHIEVED")).isEmpty();
    assertThat(petitions.sign(spectator, id)).contains("initiative.closed");
  }

  @Test
  void anOfficialAppointedAfterPublicationReceivesTheOpenInitiativesOfTheirTerritory()
      throws Exception {
    String author = NetworkFixture.handle("ahun");
    String mayor = NetworkFixture.handle("maire-ahun");
    String councillor = NetworkFixture.handle("departement");
    transaction.begin();
    NetworkFixture.member(em, author, "23001");
    NetworkFixture.member(em, mayor, "23001");
    NetworkFixture.member(em, councillor, "23002");
    NetworkFixture.secondFactorProved(em, mayor);
    NetworkFixture.secondFactorProved(em, councillor);
    transaction.commit();
    long inAhun = publishedIn(author, "23001", "Un abri pour les vélos devant l'école d'Ahun");
    long inAjain = publishedIn(author, "23002", "Un banc à l'arrêt de car d'Ajain");
    assertThat(routing.inbox(councillor, 0, 20)).isEmpty();

    // A département's official covers the communes that have none of their own.
    assertThat(
            officials.grant(
                "admin",
                councillor,
                "Conseillère départementale",
                "DEPARTEMENT",
                "23",
                LocalDate.now().plusYears(2)))
        .isEmpty();
    assertThat(routing.inbox(councillor, 0, 20))
        .extracting(Initiatives.Summary::id)
        .contains(inAhun, inAjain);
    var ahun = territories.resolve("COMMUNE", "23001").orElseThrow();
    assertThat(officials.ofTerritory(ahun))
        .extracting(OfficialRegistry.Mandate::handle)
        .contains(councillor);

    // The commune's own mayor, appointed later, gets what is open in the commune, and is listed
    // before the département's official on the commune's page.
    assertThat(
            officials.grant(
                "admin", mayor, "Maire d'Ahun", "COMMUNE", "23001", LocalDate.now().plusYears(3)))
        .isEmpty();
    assertThat(routing.inbox(mayor, 0, 20))
        .extracting(Initiatives.Summary::id)
        .contains(inAhun)
        .doesNotContain(inAjain);
    assertThat(officials.ofTerritory(ahun))
        .extracting(OfficialRegistry.Mandate::handle)
        .startsWith(mayor)
        .contains(councillor);
    assertThat(
            routing.answer(
                mayor, inAhun, "Nous installerons cet abri au printemps prochain.", ADDRESS))
        .isEmpty();
  }

  @Test
  void aHijackedDormantOfficialCannotPublishALinkInAnAnswer() throws Exception {
    String author = NetworkFixture.handle("alleyrat");
    String official = NetworkFixture.handle("maire-alleyrat");
    transaction.begin();
    NetworkFixture.member(em, author, "23003");
    NetworkFixture.member(em, official, "23003");
    NetworkFixture.aged(em, official, java.time.Duration.ofDays(200));
    NetworkFixture.secondFactorProved(em, official);
    transaction.commit();
    assertThat(
            officials.grant(
                "admin",
                official,
                "Maire d'Alleyrat",
                "COMMUNE",
                "23003",
                LocalDate.now().plusYears(3)))
        .isEmpty();
    long id = publishedIn(author, "23003", "Réparer le lavoir d'Alleyrat avant l'été");

    assertThat(
            routing.answer(
                official,
                id,
                "Tout est expliqué ici : https://promo.example/offre-speciale, profitez-en.",
                ADDRESS))
        .contains("publish.frozen");
    assertThat(routing.answers(id)).isEmpty();
    assertThat(initiatives.view(id, null).orElseThrow().answeredAt()).isNull();
  }

  @Test
  void twoServersMailingDigestsAtOnceSendEachOnce() throws Exception {
    String author = NetworkFixture.handle("anzeme");
    List<String> followers =
        List.of(
            NetworkFixture.handle("f1"), NetworkFixture.handle("f2"), NetworkFixture.handle("f3"));
    transaction.begin();
    NetworkFixture.member(em, author, "23004");
    followers.forEach(f -> NetworkFixture.member(em, f, "23004"));
    transaction.commit();
    long id = publishedIn(author, "23004", "Une aire de jeux près de l'église d'Anzême");
    for (String f : followers) {
      assertThat(follows.follow(f, Follows.INITIATIVE, Long.toString(id))).isEmpty();
    }
    transaction.begin();
    notifications.notifyFollowers(id, Notifications.Kind.COUNTER, null, java.time.Instant.now());
    transaction.commit();

    var pool = Executors.newFixedThreadPool(2);
    try {
      var runs = new ArrayList<Future<Integer>>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> notifications.mailDue()));
      }
      for (var run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (String f : followers) {
      assertThat(mailsTo(f + "@example.org")).as(f).isEqualTo(1);
    }
  }

  private long publishedIn(String author, String commune, String title) {
    var outcome =
        initiatives.propose(
            author,
            new Proposal(
                title,
                "<p>Une description assez longue pour être acceptée par le réseau.</p>",
                "TRANSPORT",
                "COMMUNE",
                commune,
                null,
                null,
                null,
                null),
            true,
            ADDRESS);
    assertThat(outcome.problems()).isEmpty();
    return outcome.id();
  }

  @Test
  void aDraftIsVisibleToItsAuthorOnlyAndEditsKeepAHistory() throws Exception {
    String author = NetworkFixture.handle("brouillon");
    transaction.begin();
    NetworkFixture.member(em, author);
    transaction.commit();
    var draft =
        initiatives.propose(
            author,
            new Proposal(
                "Un jardin partagé place Bonnyaud",
                "<p>Des bacs de culture ouverts à tous les habitants du quartier.</p>",
                "ENVIRONMENT",
                "NATIONAL",
                null,
                null,
                LocalDate.now().plusMonths(2),
                null,
                null),
            false,
            ADDRESS);
    assertThat(draft.problems()).isEmpty();
    assertThat(initiatives.view(draft.id(), null)).isEmpty();
    assertThat(initiatives.view(draft.id(), author)).isPresent();
    assertThat(petitions.sign(author, draft.id())).contains("initiative.closed");
    assertThat(initiatives.publish(author, draft.id(), ADDRESS)).isEmpty();
    var edit =
        new Proposal(
            "Un jardin partagé place Bonnyaud, avec compost",
            "<p>Des bacs de culture et un composteur ouverts à tous les habitants.</p>",
            "ENVIRONMENT",
            "NATIONAL",
            null,
            null,
            null,
            null,
            null);
    assertThat(initiatives.edit(author, draft.id(), edit, ADDRESS)).isEmpty();
    var view = initiatives.view(draft.id(), null).orElseThrow();
    assertThat(view.revision()).isEqualTo(2);
    assertThat(view.editedAt()).isNotNull();
    assertThat(initiatives.revisions(draft.id()))
        .extracting(org.parvis.network.initiative.entity.InitiativeRevision::title)
        .containsExactly("Un jardin partagé place Bonnyaud");
    assertThat(initiatives.list(new Filter(null, null, null, null, null, "composteur"), 0).items())
        .extracting(Initiatives.Summary::id)
        .containsExactly(draft.id());
  }

  /**
   * Three hundred members sign one initiative at once, each twice (a double click), while the tally
   * is rolled up: afterwards the count equals the signature rows, none lost, none doubled.
   */
  @Test
  void hundredsSigningAtOnceAreAllCountedOnce() throws Exception {
    int signers = 300;
    String author = NetworkFixture.handle("populaire");
    var handles = new ArrayList<String>();
    transaction.begin();
    NetworkFixture.member(em, author);
    for (int i = 0; i < signers; i++) {
      String h = NetworkFixture.handle("c" + i);
      NetworkFixture.member(em, h);
      handles.add(h);
    }
    transaction.commit();
    long id =
        initiatives
            .propose(
                author,
                new Proposal(
                    "Rouvrir la ligne de train Guéret–Limoges",
                    "<p>La ligne dessert des milliers d'habitants chaque jour.</p>",
                    "TRANSPORT",
                    "REGION",
                    "75",
                    250,
                    null,
                    null,
                    null),
                true,
                ADDRESS)
            .id();

    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      var tasks = new ArrayList<Callable<Boolean>>();
      for (String h : handles) {
        tasks.add(() -> petitions.sign(h, id).isEmpty());
        tasks.add(() -> petitions.sign(h, id).isEmpty());
      }
      for (int i = 0; i < 20; i++) {
        tasks.add(() -> petitions.rollUp() >= 0);
      }
      java.util.Collections.shuffle(tasks);
      int failures = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures++;
        }
      }
      assertThat(failures).as("a double click racing its twin is not an error").isZero();
    } finally {
      pool.shutdown();
    }
    long rows =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM initiative_signature WHERE initiative_id = ?")
                    .setParameter(1, id)
                    .getSingleResult())
            .longValue();
    assertThat(rows).isEqualTo(signers);
    assertThat(petitions.counts(id, null).signatures()).as("exact before roll-up").isEqualTo(rows);
    while (petitions.rollUp() > 0) {}
    assertThat(signatureCountColumn(id)).as("rolled up").isEqualTo(rows);
    assertThat(petitions.counts(id, null).signatures()).isEqualTo(rows);
    // The goal (250) was crossed: the author, who follows their initiative, heard of it.
    assertThat(notifications.list(author, 0))
        .extracting(Notifications.Entry::kind)
        .contains("MILESTONE_100");
  }

  private long signatureCountColumn(long id) {
    return ((Number)
            em.createNativeQuery("SELECT signature_count FROM initiative WHERE id = ?")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  private long mailsTo(String recipient) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
                .setParameter(1, recipient)
                .getSingleResult())
        .longValue();
  }

  private String lastMailBody(String recipient) {
    return (String)
        em.createNativeQuery("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
            .setParameter(1, recipient)
            .setMaxResults(1)
            .getSingleResult();
  }
}
