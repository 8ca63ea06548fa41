package org.parvis.moderation.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.moderation.queue.control.Queue;
import org.parvis.moderation.schema.control.ModerationDatabase;
import org.parvis.network.api.ReportDesk.Reason;
import org.parvis.testing.ModuleDeployment;

/**
 * Weighted reports on Payara Micro: a brigade of brand-new accounts cannot hide an item, members
 * with a good track record can; one report per member and item, a rate limit, and moderators'
 * decisions moving the reporters' records.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final Duration NEW = Duration.ofHours(3);
  private static final Duration OLD = Duration.ofDays(300);

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
            "moderation-reports", ReportsIT.class, FixedContents.class, FiredVerdicts.class)
        .addPackage(org.parvis.network.api.ContentPublished.class.getPackage());
  }

  @Inject ModerationDatabase database;
  @Inject Reports reports;
  @Inject Queue queue;
  @Inject FixedContents contents;
  @Inject FiredVerdicts fired;
  @Inject org.parvis.moderation.sanction.control.Sanctions sanctions;
  @Inject org.parvis.moderation.screening.control.Training training;
  @Inject org.parvis.moderation.appeal.control.AppealRegister appeals;
  @Inject org.parvis.moderation.transparency.control.TransparencyFigures transparency;
  @Inject UserTransaction transaction;
  @Inject org.parvis.privacy.api.RetentionJobs retention;

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void aBrigadeOfNewAccountsCannotHideWhatAFewTrustedReportersCan() throws Exception {
    long author = IDS.incrementAndGet();
    long targeted = IDS.incrementAndGet();
    for (int n = 0; n < 15; n++) {
      assertThat(report(targeted, author, IDS.incrementAndGet(), NEW)).isEmpty();
    }
    assertThat(status(targeted)).as("15 new accounts weigh 1.5 < 2").isEqualTo("QUEUED");

    long[] trusted = {IDS.incrementAndGet(), IDS.incrementAndGet(), IDS.incrementAndGet()};
    transaction.begin();
    for (long reporter : trusted) {
      em.createNativeQuery(
              "INSERT INTO moderation_reporter (reporter_id, upheld, dismissed) VALUES (?, 8, 0)")
          .setParameter(1, reporter)
          .executeUpdate();
    }
    transaction.commit();
    long spam = IDS.incrementAndGet();
    assertThat(report(spam, author, trusted[0], OLD)).isEmpty();
    assertThat(report(spam, author, trusted[1], OLD)).isEmpty();
    assertThat(status(spam)).as("two trusted reporters weigh 1.8 < 2").isEqualTo("QUEUED");
    assertThat(report(spam, author, trusted[2], OLD)).isEmpty();
    assertThat(status(spam)).as("three weigh 2.7").isEqualTo("HIDDEN");

    // One report per member and item; no more than ten an hour; never one's own item.
    assertThat(report(spam, author, trusted[0], OLD)).contains("report.already");
    assertThat(report(IDS.incrementAndGet(), author, author, OLD)).contains("report.own");
    long busy = IDS.incrementAndGet();
    for (int n = 0; n < Reports.PER_HOUR; n++) {
      assertThat(report(IDS.incrementAndGet(), author, busy, OLD)).isEmpty();
    }
    assertThat(report(IDS.incrementAndGet(), author, busy, OLD)).contains("report.too-many");

    // Decisions move the records: the brigade's reports dismissed, the trusted ones upheld.
    assertThat(
            queue.decide("moderator", "COMMENT", targeted, "KEEP", "Critique vive mais légitime."))
        .isEmpty();
    assertThat(queue.decide("moderator", "COMMENT", spam, "HIDE", "Publicité sans rapport, spam."))
        .isEmpty();
    assertThat(status(targeted)).isEqualTo("KEPT");
    assertThat(status(spam)).isEqualTo("REMOVED");
    assertThat(fired.about("COMMENT", targeted))
        .as("keeping a visible item restricts nothing: nothing to tell its author")
        .isEmpty();
    assertThat(fired.about("COMMENT", spam))
        .extracting(v -> v.hidden() + " " + v.statement())
        .as("hidden by the reports pending review, then the decision with its statement")
        .containsExactly("true null", "true Publicité sans rapport, spam.");
    assertThat(queue.decide("moderator", "COMMENT", spam, "KEEP", "Encore une fois pour voir."))
        .contains("moderation.item.decided");
    assertThat(record(trusted[0])).containsExactly(9, 0);
    assertThat(Reports.weight(9, 0, OLD)).isGreaterThan(Reports.weight(0, 1, OLD) * 2);
    assertThat(Reports.weight(0, 0, NEW)).isEqualTo(0.1);
    assertThat(queue.decide("moderator", "COMMENT", IDS.incrementAndGet(), "HIDE", "court"))
        .contains("moderation.statement.required");

    // The public figures of this month equal the log and the reports.
    var month = transparency.months(1).get(0);
    var start =
        java.time.YearMonth.now(java.time.ZoneOffset.UTC)
            .atDay(1)
            .atStartOfDay()
            .atOffset(java.time.ZoneOffset.UTC);
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> logged =
        em.createNativeQuery(
                "SELECT action, COUNT(*) FROM moderation_log WHERE occurred_at >= ?"
                    + " AND action IN ('AUTO_HIDE', 'AUTO_QUEUE', 'HIDE', 'RESTORE', 'DISMISS')"
                    + " GROUP BY action")
            .setParameter(1, start)
            .getResultList();
    var expected = new java.util.TreeMap<String, Long>();
    logged.forEach(r -> expected.put((String) r[0], ((Number) r[1]).longValue()));
    var decisions = new java.util.TreeMap<>(month.decisionsByAction());
    decisions
        .keySet()
        .retainAll(java.util.Set.of("AUTO_HIDE", "AUTO_QUEUE", "HIDE", "RESTORE", "DISMISS"));
    assertThat(decisions).isEqualTo(expected);
    assertThat(month.automatic() + month.human())
        .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    assertThat(month.decisionsByAction()).containsKeys("AUTO_HIDE", "HIDE", "DISMISS");
    long harassment =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM moderation_report WHERE reason = 'HARASSMENT'"
                            + " AND reported_at >= ?")
                    .setParameter(1, start)
                    .getSingleResult())
            .longValue();
    assertThat(month.reportsByReason()).containsEntry("HARASSMENT", harassment);
    assertThat(month.medianHoursToDecision()).isNotNull().isGreaterThanOrEqualTo(0);
  }

  @Test
  void anAppealIsDecidedByAnotherModeratorAndTheAuthorSeesTheExchange() throws Exception {
    long author = IDS.incrementAndGet();
    long item = IDS.incrementAndGet();
    transaction.begin();
    em.createNativeQuery(
            "INSERT INTO moderation_item (kind, item_id, initiative_id, author_id, score, reasons,"
                + " status, flagged_at) VALUES ('COMMENT', ?, 1, ?, 0.9, 'ATTACK', 'HIDDEN', ?)")
        .setParameter(1, item)
        .setParameter(2, author)
        .setParameter(3, java.time.OffsetDateTime.now())
        .executeUpdate();
    transaction.commit();
    assertThat(appeals.appeal("COMMENT", item, author, "Je conteste : c'était une citation."))
        .as("nothing to appeal before a moderator decides")
        .contains("appeal.not-possible");
    assertThat(queue.decide("alice", "COMMENT", item, "HIDE", "Attaque personnelle caractérisée."))
        .isEmpty();
    var exchange = appeals.exchange("COMMENT", item, author).orElseThrow();
    assertThat(exchange.mayAppeal()).isTrue();
    assertThat(exchange.statement()).isEqualTo("Attaque personnelle caractérisée.");
    assertThat(appeals.exchange("COMMENT", item, author + 1)).as("only its author").isEmpty();
    assertThat(appeals.appeal("COMMENT", item, author, "court")).contains("appeal.text.invalid");
    assertThat(appeals.appeal("COMMENT", item, author, "Je citais les propos d'un autre élu."))
        .isEmpty();
    assertThat(appeals.appeal("COMMENT", item, author, "Une seconde fois, pour voir."))
        .contains("appeal.already");
    assertThat(appeals.pending(0, 50))
        .anyMatch(a -> a.id() == item && a.decidedBy().equals("alice"));
    assertThat(appeals.decide("alice", "COMMENT", item, true, "Je me ravise après relecture."))
        .contains("appeal.same-moderator");
    assertThat(
            appeals.decide(
                "bob", "COMMENT", item, true, "Citation dénoncée : le contenu est rétabli."))
        .isEmpty();
    exchange = appeals.exchange("COMMENT", item, author).orElseThrow();
    assertThat(exchange.outcome()).isEqualTo("GRANTED");
    assertThat(exchange.outcomeStatement()).contains("rétabli");
    assertThat(exchange.decision()).isEqualTo("KEPT");
    assertThat(appeals.decide("carol", "COMMENT", item, false, "Encore une fois pour voir."))
        .contains("appeal.decided");
    assertThat(
            ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM moderation_log WHERE subject_id = ?"
                                + " AND action IN ('HIDE', 'APPEAL', 'APPEAL_GRANTED')")
                        .setParameter(1, Long.toString(item))
                        .getSingleResult())
                .longValue())
        .isEqualTo(3);
  }

  @Test
  void screeningLearnsFromModeratorsDecisions() throws Exception {
    long author = IDS.incrementAndGet();
    var spam =
        new String[] {
          "Montres de luxe pas cheres, achetez vite nos montres",
          "Achetez des montres de luxe en promotion cette semaine",
          "Nos montres de luxe pas cheres livrees chez vous"
        };
    var fine =
        new String[] {
          "La piscine municipale ferme trop tot le dimanche",
          "Merci pour la reunion publique d'hier soir au centre social",
          "Il faudrait une piste cyclable le long de la route de la piscine"
        };
    transaction.begin();
    for (int n = 0; n < 6; n++) {
      long item = IDS.incrementAndGet();
      em.createNativeQuery(
              "INSERT INTO moderation_item (kind, item_id, initiative_id, author_id, score,"
                  + " reasons, status, flagged_at) VALUES ('COMMENT', ?, 1, ?, 0.6, 'X', 'QUEUED', ?)")
          .setParameter(1, item)
          .setParameter(2, author)
          .setParameter(3, java.time.OffsetDateTime.now())
          .executeUpdate();
      contents.put(item, author, n < 3 ? spam[n] : fine[n - 3]);
      spamIds[n] = item;
    }
    transaction.commit();
    for (int n = 0; n < 6; n++) {
      assertThat(
              queue.decide(
                  "moderator",
                  "COMMENT",
                  spamIds[n],
                  n < 3 ? "HIDE" : "KEEP",
                  "Décision motivée ici."))
          .isEmpty();
    }
    var result =
        training
            .screening()
            .screen(
                new org.parvis.moderation.screening.control.Screening.Item(
                    "Montres de luxe pas cheres, achetez !", OLD, 0));
    assertThat(result.reasons()).anyMatch(r -> r.startsWith("CLASSIFIER:"));
    assertThat(result.action())
        .isNotEqualTo(org.parvis.moderation.screening.control.Screening.Action.NONE);
  }

  private final long[] spamIds = new long[6];

  @Test
  void liftingOneSanctionLeavesTheOthersInForceAndEachCarriesItsStatement() {
    long member = IDS.incrementAndGet();
    assertThat(
            sanctions.sanction(
                "alice", member, "WARN", 0, "Premier avertissement, restez courtois."))
        .isEmpty();
    assertThat(fired.lastFor(member).blockedUntil()).isNull();
    assertThat(fired.lastFor(member).statement())
        .isEqualTo("Premier avertissement, restez courtois.");
    assertThat(sanctions.sanction("alice", member, "SUSPEND", 30, "Insultes répétées : un mois."))
        .isEmpty();
    var month = fired.lastFor(member).blockedUntil();
    assertThat(month).isAfter(java.time.Instant.now().plus(Duration.ofDays(29)));
    assertThat(sanctions.sanction("bob", member, "SUSPEND", 3, "Nouvel écart : trois jours."))
        .isEmpty();
    assertThat(fired.lastFor(member).blockedUntil())
        .as("a shorter suspension does not shorten the longer one")
        .isEqualTo(month);
    long shorter = activeSanction(member, "SUSPEND", 3);
    long longer = activeSanction(member, "SUSPEND", 30);
    assertThat(sanctions.lift("carol", shorter, "Levée après échange avec le membre.")).isEmpty();
    assertThat(fired.lastFor(member).lifted()).isTrue();
    assertThat(fired.lastFor(member).blockedUntil())
        .as("lifting the short suspension leaves the month in force")
        .isEqualTo(month);
    assertThat(sanctions.sanction("alice", member, "BAN", 0, "Menaces : exclusion définitive."))
        .isEmpty();
    assertThat(fired.lastFor(member).blockedUntil())
        .isEqualTo(org.parvis.network.api.MemberSanction.FOREVER);
    assertThat(sanctions.lift("carol", longer, "Le mois est levé, l'exclusion demeure.")).isEmpty();
    assertThat(fired.lastFor(member).blockedUntil())
        .isEqualTo(org.parvis.network.api.MemberSanction.FOREVER);
    long ban = activeSanction(member, "BAN", 0);
    assertThat(sanctions.lift("carol", ban, "Exclusion levée en appel.")).isEmpty();
    assertThat(fired.lastFor(member).blockedUntil()).as("nothing left in force").isNull();
    assertThat(sanctions.lift("carol", ban, "Encore une fois pour voir."))
        .contains("sanction.not-active");
  }

  /** The id of the member's sanction of that kind in force, with that many days (0: no end). */
  /** Five years on, moderation forgets who decided and why, and sanctions long over. */
  @Test
  void theRetentionJobForgetsModerationRecordsPastFiveYears() throws Exception {
    long member = IDS.incrementAndGet();
    long item = IDS.incrementAndGet();
    var old = java.time.Instant.now().minus(Duration.ofDays(6 * 366));
    var recent = java.time.Instant.now().minus(Duration.ofDays(30));
    transaction.begin();
    em.createNativeQuery(
            "INSERT INTO moderation_log (id, occurred_at, actor, action, subject_type,"
                + " subject_id, reason) VALUES (?, ?, 'ancienne-moderatrice', 'HIDE', 'COMMENT',"
                + " ?, 'motif ancien')")
        .setParameter(1, item)
        .setParameter(2, org.parvis.kernel.api.sql.Rows.utc(old))
        .setParameter(3, Long.toString(item))
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO moderation_item (kind, item_id, initiative_id, author_id, score, reasons,"
                + " status, flagged_at, decided_by, statement, decided_at) VALUES ('COMMENT', ?,"
                + " 1, ?, 1.0, '', 'REMOVED', ?, 'ancienne-moderatrice', 'motif ancien', ?)")
        .setParameter(1, item)
        .setParameter(2, member)
        .setParameter(3, org.parvis.kernel.api.sql.Rows.utc(old))
        .setParameter(4, org.parvis.kernel.api.sql.Rows.utc(old))
        .executeUpdate();
    for (var sanction :
        java.util.List.of(
            new Object[] {"WARN", old, null, null},
            new Object[] {"SUSPEND", old, old.plus(Duration.ofDays(7)), null},
            new Object[] {"BAN", old, null, old.plus(Duration.ofDays(3))},
            new Object[] {"BAN", old, null, null},
            new Object[] {"WARN", recent, null, null})) {
      em.createNativeQuery(
              "INSERT INTO moderation_sanction (member_id, kind, statement, decided_by, starts_at,"
                  + " ends_at, lifted_at) VALUES (?, ?, 'motif', 'moderatrice', ?, ?, ?)")
          .setParameter(1, member)
          .setParameter(2, sanction[0])
          .setParameter(3, org.parvis.kernel.api.sql.Rows.utc((java.time.Instant) sanction[1]))
          .setParameter(4, org.parvis.kernel.api.sql.Rows.utc((java.time.Instant) sanction[2]))
          .setParameter(5, org.parvis.kernel.api.sql.Rows.utc((java.time.Instant) sanction[3]))
          .executeUpdate();
    }
    transaction.commit();

    long execution = retention.start(null);
    assertThat(org.parvis.testing.BatchJobs.ended(execution, java.time.Duration.ofSeconds(60)))
        .isEqualTo(jakarta.batch.runtime.BatchStatus.COMPLETED);
    assertThat(
            jakarta.batch.runtime.BatchRuntime.getJobOperator()
                .getJobExecution(execution)
                .getExitStatus())
        .isEqualTo("COMPLETED");

    assertThat(count("SELECT COUNT(*) FROM moderation_log WHERE id = " + item)).isZero();
    assertThat(
            em.createNativeQuery(
                    "SELECT COALESCE(decided_by, '') || COALESCE(statement, '') || status"
                        + " FROM moderation_item WHERE item_id = ?")
                .setParameter(1, item)
                .getSingleResult())
        .as("the outcome stays, not who decided nor why")
        .isEqualTo("REMOVED");
    assertThat(
            em.createNativeQuery(
                    "SELECT kind FROM moderation_sanction WHERE member_id = ? ORDER BY starts_at")
                .setParameter(1, member)
                .getResultList())
        .as("the ban in force and the recent warning stay")
        .containsExactly("BAN", "WARN");
    assertThat(retention.journal(50))
        .filteredOn(r -> r.execution() == execution && r.category().startsWith("moderation."))
        .extracting(org.parvis.privacy.api.RetentionRun::category)
        .containsExactlyInAnyOrder("moderation.log", "moderation.decision", "moderation.sanction");
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  private long activeSanction(long member, String kind, int days) {
    return sanctions.record(member).sanctions().stream()
        .filter(s -> s.kind().equals(kind) && s.liftedAt() == null)
        .filter(
            s ->
                days == 0
                    ? s.endsAt() == null
                    : Duration.between(s.startsAt(), s.endsAt()).toDays() == days)
        .findFirst()
        .orElseThrow()
        .id();
  }

  private java.util.Optional<String> report(long item, long author, long reporter, Duration age) {
    return reports.report(
        "COMMENT", item, 1L, author, reporter, age, Reason.HARASSMENT, "Insultes");
  }

  private String status(long item) {
    return (String)
        em.createNativeQuery(
                "SELECT status FROM moderation_item WHERE kind = 'COMMENT' AND item_id = ?")
            .setParameter(1, item)
            .getSingleResult();
  }

  private int[] record(long reporter) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT upheld, dismissed FROM moderation_reporter WHERE reporter_id = ?")
                .setParameter(1, reporter)
                .getSingleResult();
    return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
  }
}
