package org.parvis.campaign.site.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.campaign.newsletter.control.Campaigns;
import org.parvis.campaign.newsletter.control.Newsletter;
import org.parvis.campaign.schema.control.BrandDatabase;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.testing.ModuleDeployment;

/**
 * The brand site's rules on Payara Micro and the brand database: an article published at its
 * scheduled time, the newsletter's double opt-in and one-click exit with their consent records, and
 * a campaign that reaches every confirmed subscriber exactly once across an interrupted run and
 * concurrent senders.
 */
@ExtendWith(ArquillianExtension.class)
class BrandSiteIT {

  private static final Pattern CONFIRM =
      Pattern.compile("confirmer\\.xhtml\\?jeton=([A-Za-z0-9_-]{43})");

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("brand-site", BrandSiteIT.class);
  }

  @Inject BrandDatabase database;
  @Inject Newsroom newsroom;
  @Inject Newsletter newsletter;
  @Inject Campaigns campaigns;
  @Inject UserTransaction transaction;
  @Inject org.parvis.privacy.api.RetentionJobs retention;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void aScheduledArticleIsPublishedAtItsTimeAndNotBefore() {
    Instant now = Instant.parse("2030-03-01T08:00:00Z");
    var saved =
        newsroom.save(
            "editor",
            "Éditrice",
            null,
            new Newsroom.Draft(
                "Notre plan pour les transports",
                "Trois mesures pour les lignes de bus rurales.",
                "<p>Le texte <script>alert(1)</script><a href=\"javascript:x()\">lien</a></p>",
                "Transports, Ruralité",
                "bus",
                null),
            now);
    assertThat(saved.problems()).isEmpty();
    long id = saved.id();
    var article = newsroom.article(id).orElseThrow();
    assertThat(article.status()).isEqualTo(Newsroom.Status.DRAFT);
    assertThat(article.body()).doesNotContain("script", "javascript");
    assertThat(article.categories())
        .extracting(Newsroom.Label::slug)
        .containsExactly("ruralite", "transports");
    assertThat(newsroom.published(article.slug())).as("a draft is not public").isEmpty();

    assertThat(newsroom.schedule(id, now.minusSeconds(60), now)).contains("news.schedule.past");
    Instant at = now.plus(Duration.ofHours(2));
    assertThat(newsroom.schedule(id, at, now)).isEmpty();
    assertThat(newsroom.publishDue(at.minusSeconds(1))).isZero();
    assertThat(newsroom.published(article.slug())).as("scheduled, not yet due").isEmpty();
    assertThat(newsroom.publishDue(at.plusSeconds(4))).isEqualTo(1);
    var published = newsroom.published(article.slug()).orElseThrow();
    assertThat(published.status()).isEqualTo(Newsroom.Status.PUBLISHED);
    assertThat(published.publishedAt()).as("dated from its scheduled time").isEqualTo(at);
    assertThat(newsroom.published("ruralite", 0)).extracting(Newsroom.Summary::id).contains(id);
    assertThat(newsroom.publishDue(at.plusSeconds(10))).as("published once").isZero();

    assertThat(newsroom.archive(id)).isEmpty();
    assertThat(newsroom.published(null, 0)).extracting(Newsroom.Summary::id).doesNotContain(id);
    assertThat(newsroom.published(article.slug()))
        .as("an archived page stays readable")
        .isPresent();
    assertThat(newsroom.archive(id)).contains("news.status.invalid");

    var invalid =
        newsroom.save(
            "editor", "Éditrice", null, new Newsroom.Draft("", "court", "", "", "", 999L), now);
    assertThat(invalid.problems()).containsKeys("title", "summary", "body", "cover");
  }

  @Test
  void theNewsletterNeedsAConfirmedAddressAndLetsPeopleLeaveInOneClick() {
    Instant now = Instant.now();
    String email = "lectrice-" + System.nanoTime() + "@example.org";
    assertThat(newsletter.subscribe(email, Newsletter.themes(List.of()), false, "fr", now))
        .contains("newsletter.consent.required");
    assertThat(
            newsletter.subscribe("pas une adresse", Newsletter.themes(List.of()), true, "fr", now))
        .contains("newsletter.email.invalid");
    assertThat(newsletter.subscribe(email, Newsletter.themes(List.of("EVENTS")), true, "fr", now))
        .isEmpty();
    assertThat(status(email)).isEqualTo("PENDING");
    String body = lastMailTo(email);
    var link = CONFIRM.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    assertThat(newsletter.confirm("jeton-inconnu", now)).contains("newsletter.link.invalid");
    assertThat(newsletter.confirm(link.group(1), now)).isEmpty();
    assertThat(status(email)).isEqualTo("CONFIRMED");
    assertThat(newsletter.confirm(link.group(1), now)).as("a link serves once").isPresent();

    // Subscribing again does not reveal anything on the page; the mail says it is already done.
    assertThat(newsletter.subscribe(email, Newsletter.themes(List.of()), true, "fr", now))
        .isEmpty();
    assertThat(lastMailTo(email)).contains("reçoit déjà");

    String token = manageToken(email);
    assertThat(newsletter.subscription(token).orElseThrow().themes())
        .containsExactly(Newsletter.Theme.EVENTS);
    assertThat(newsletter.unsubscribe(token, now)).isTrue();
    assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
    Object[] consent =
        (Object[])
            em.createNativeQuery(
                    "SELECT c.text_version, c.withdrawn_at FROM brand_consent c"
                        + " JOIN newsletter_subscriber s ON s.id = c.subject_id"
                        + " WHERE c.subject_kind = 'SUBSCRIBER' AND s.email = ?"
                        + " ORDER BY c.given_at LIMIT 1")
                .setParameter(1, email)
                .getSingleResult();
    assertThat(consent[0]).isEqualTo(Newsletter.CONSENT_VERSION);
    assertThat(consent[1]).as("withdrawn when leaving").isNotNull();
  }

  @Test
  void aCampaignReachesEveryConfirmedSubscriberExactlyOnceThroughAnInterruptedRun()
      throws Exception {
    Instant now = Instant.now();
    long run = System.nanoTime();
    transaction.begin();
    for (int n = 0; n < 27; n++) {
      // 25 confirmed, one still pending, one who left: only the 25 receive it.
      String status = n == 25 ? "PENDING" : n == 26 ? "UNSUBSCRIBED" : "CONFIRMED";
      em.createNativeQuery(
              "INSERT INTO newsletter_subscriber (email, status, themes, language, manage_token,"
                  + " subscribed_at) VALUES (?, ?, 'NEWS,EVENTS,MOBILISATION', 'fr', ?, ?)")
          .setParameter(1, "abonne-" + run + "-" + n + "@example.org")
          .setParameter(2, status)
          .setParameter(3, "jeton-" + run + "-" + n)
          .setParameter(4, java.time.OffsetDateTime.now())
          .executeUpdate();
    }
    transaction.commit();
    String subject = "Lettre n° " + run;
    long id = campaigns.compose("editor", subject, "Bonjour à toutes et à tous.", null, now);
    assertThat(campaigns.start(id, now)).isEmpty();
    assertThat(campaigns.start(id, now)).contains("campaign.not-draft");
    long confirmed = count("SELECT COUNT(*) FROM newsletter_subscriber WHERE status = 'CONFIRMED'");
    assertThat(campaigns.campaign(id).orElseThrow().recipients()).isEqualTo(confirmed);

    assertThat(campaigns.sendDue(10, now)).isEqualTo(10);
    // The server stops in the middle of a batch: its transaction never commits.
    transaction.begin();
    assertThat(campaigns.sendDue(10, now)).isEqualTo(10);
    transaction.rollback();
    assertThat(deliveries(id)).as("the interrupted batch left nothing").isEqualTo(10);
    // After the restart, two senders (two servers, or a slow tick) race for the rest.
    var pool = Executors.newFixedThreadPool(4);
    var tasks = new ArrayList<Callable<Integer>>();
    for (int n = 0; n < 8; n++) {
      tasks.add(() -> campaigns.sendDue(7, Instant.now()));
    }
    for (var f : pool.invokeAll(tasks)) {
      f.get();
    }
    pool.shutdown();
    while (campaigns.sendDue(7, Instant.now()) > 0) {
      // Drains what the racing senders left, if anything.
    }
    var campaign = campaigns.campaign(id).orElseThrow();
    assertThat(campaign.status()).isEqualTo("SENT");
    assertThat(deliveries(id)).isEqualTo(confirmed);
    assertThat(campaign.queued()).isEqualTo((int) confirmed);
    assertThat(
            count(
                "SELECT COUNT(*) FROM newsletter_subscriber s WHERE s.status = 'CONFIRMED' AND"
                    + " (SELECT COUNT(*) FROM mail_outbox o WHERE o.recipient = s.email"
                    + " AND o.subject = '"
                    + subject
                    + "') <> 1"))
        .as("every confirmed subscriber has exactly one mail of the campaign")
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM mail_outbox WHERE subject = '"
                    + subject
                    + "' AND recipient LIKE 'abonne-"
                    + run
                    + "-2_@example.org'"))
        .as("neither the pending nor the departed subscriber")
        .isEqualTo(5);
    String mail =
        (String)
            em.createNativeQuery(
                    "SELECT list_unsubscribe FROM mail_outbox WHERE recipient = ? AND subject = ?")
                .setParameter(1, "abonne-" + run + "-0@example.org")
                .setParameter(2, subject)
                .getSingleResult();
    assertThat(mail).endsWith("/lettre/desinscription?jeton=jeton-" + run + "-0");
  }

  @Test
  void theRetentionJobForgetsWhatIsPastItsPeriodWithItsConsents() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    Instant now = Instant.now();
    String pending = "pending-" + tag + "@example.org";
    String fresh = "fresh-" + tag + "@example.org";
    String confirmed = "loyal-" + tag + "@example.org";
    String registrant = "venu-" + tag + "@example.org";
    String writer = "ecrit-" + tag + "@example.org";
    transaction.begin();
    long pendingId = subscriber(pending, "PENDING", now.minus(Duration.ofDays(3)));
    subscriber(fresh, "PENDING", now.minus(Duration.ofHours(2)));
    subscriber(confirmed, "CONFIRMED", now.minus(Duration.ofDays(900)));
    consent("SUBSCRIBER", pendingId, now.minus(Duration.ofDays(3)));
    em.createNativeQuery(
            "INSERT INTO agenda_event (slug, title, kind, starts_at, ends_at, place, territory_kind,"
                + " territory_code, territory_name, description, registration, status, created_at,"
                + " updated_at, sequence) VALUES (?, 'Réunion passée', 'MEETING', ?, ?, 'Salle',"
                + " 'NATIONAL', 'FR', 'France', '', TRUE, 'PUBLISHED', ?, ?, 0)")
        .setParameter(1, "passe-" + tag)
        .setParameter(2, Rows.utc(now.minus(Duration.ofDays(130))))
        .setParameter(3, Rows.utc(now.minus(Duration.ofDays(130)).plusSeconds(3600)))
        .setParameter(4, Rows.utc(now.minus(Duration.ofDays(200))))
        .setParameter(5, Rows.utc(now.minus(Duration.ofDays(200))))
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO agenda_registration (event_id, name, email, registered_at) VALUES"
                + " ((SELECT id FROM agenda_event WHERE slug = ?), 'Paul', ?, ?)")
        .setParameter(1, "passe-" + tag)
        .setParameter(2, registrant)
        .setParameter(3, Rows.utc(now.minus(Duration.ofDays(140))))
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO contact_message (kind, name, email, message, received_at)"
                + " VALUES ('CONTACT', 'Léa', ?, 'Bonjour', ?)")
        .setParameter(1, writer)
        .setParameter(2, Rows.utc(now.minus(Duration.ofDays(400))))
        .executeUpdate();
    transaction.commit();

    long execution = retention.start(now);
    assertThat(org.parvis.testing.BatchJobs.ended(execution, Duration.ofSeconds(60)))
        .isEqualTo(jakarta.batch.runtime.BatchStatus.COMPLETED);

    assertThat(count("SELECT COUNT(*) FROM newsletter_subscriber WHERE email = '" + pending + "'"))
        .as("unconfirmed for 3 days")
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM brand_consent WHERE subject_kind = 'SUBSCRIBER'"
                    + " AND subject_id = "
                    + pendingId))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM newsletter_subscriber WHERE email IN ('"
                    + fresh
                    + "', '"
                    + confirmed
                    + "')"))
        .as("unconfirmed for 2 hours, and a subscriber")
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM agenda_registration WHERE email = '" + registrant + "'"))
        .as("4 months after the event")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM contact_message WHERE email = '" + writer + "'"))
        .isZero();
    var runs = retention.journal(100).stream().filter(r -> r.execution() == execution).toList();
    assertThat(runs)
        .extracting(org.parvis.privacy.api.RetentionRun::category)
        .containsExactlyInAnyOrderElementsOf(
            retention.categories().stream().map(c -> c.category().name()).toList());
    assertThat(runs)
        .filteredOn(r -> r.category().equals("brand.unconfirmed-subscription"))
        .allSatisfy(r -> assertThat(r.affected()).isPositive());
  }

  private long subscriber(String email, String status, Instant at) {
    em.createNativeQuery(
            "INSERT INTO newsletter_subscriber (email, status, themes, language, manage_token,"
                + " subscribed_at, confirmed_at) VALUES (?, ?, '', 'fr', ?, ?, ?)")
        .setParameter(1, email)
        .setParameter(2, status)
        .setParameter(3, java.util.UUID.randomUUID().toString())
        .setParameter(4, Rows.utc(at))
        .setParameter(5, Rows.utc("CONFIRMED".equals(status) ? at : null))
        .executeUpdate();
    return count("SELECT id FROM newsletter_subscriber WHERE email = '" + email + "'");
  }

  private void consent(String kind, long subject, Instant at) {
    em.createNativeQuery(
            "INSERT INTO brand_consent (subject_kind, subject_id, purpose, text_version, method,"
                + " given_at) VALUES (?, ?, 'NEWSLETTER', 'test', 'form', ?)")
        .setParameter(1, kind)
        .setParameter(2, subject)
        .setParameter(3, Rows.utc(at))
        .executeUpdate();
  }

  private String status(String email) {
    return (String)
        em.createNativeQuery("SELECT status FROM newsletter_subscriber WHERE email = ?")
            .setParameter(1, email)
            .getSingleResult();
  }

  private String manageToken(String email) {
    return (String)
        em.createNativeQuery("SELECT manage_token FROM newsletter_subscriber WHERE email = ?")
            .setParameter(1, email)
            .getSingleResult();
  }

  private String lastMailTo(String email) {
    return (String)
        em.createNativeQuery(
                "SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
            .setParameter(1, email)
            .getSingleResult();
  }

  private long deliveries(long campaign) {
    return count("SELECT COUNT(*) FROM newsletter_delivery WHERE campaign_id = " + campaign);
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
