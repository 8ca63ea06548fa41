package org.parvis.network.initiative.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.network.NetworkFixture;
import org.parvis.network.activity.control.ActivityCounts;
import org.parvis.network.api.NetworkActivity;
import org.parvis.network.api.NetworkActivity.Metric;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;

/**
 * The dashboard's daily counts against counts made by hand from seeded data: signatures spread over
 * the last days, one just before midnight in Paris (the next day in UTC terms is not the same day
 * in Paris), and the recount that follows new activity.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityCountsIT {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "social-network-activity-counts", ActivityCountsIT.class, NetworkFixture.class);
  }

  @Inject NetworkDatabase database;
  @Inject Initiatives initiatives;
  @Inject ActivityCounts counts;
  @Inject UserTransaction transaction;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void dailyCountsEqualTheActivityCountedByParisDay() throws Exception {
    String author = NetworkFixture.handle("counted");
    transaction.begin();
    NetworkFixture.member(em, author);
    transaction.commit();
    long initiative =
        NetworkFixture.publish(initiatives, author, "Une initiative comptée " + author);
    LocalDate today = LocalDate.now(PARIS);
    counts.refresh();
    var before = counts.daily(today.minusDays(6), today).get(Metric.SIGNATURES).clone();

    // Signatures at chosen Paris times: 3 six days ago, 2 three days ago (one at 23:30, Paris),
    // 1 today at 00:10 Paris (still yesterday in UTC).
    var times = new ArrayList<LocalDateTime>();
    times.add(today.minusDays(6).atTime(10, 0));
    times.add(today.minusDays(6).atTime(11, 0));
    times.add(today.minusDays(6).atTime(12, 0));
    times.add(today.minusDays(3).atTime(9, 0));
    times.add(today.minusDays(3).atTime(23, 30));
    times.add(today.atTime(0, 10));
    transaction.begin();
    for (var time : times) {
      String signer = NetworkFixture.handle("signer");
      long id = NetworkFixture.member(em, signer);
      NetworkFixture.aged(em, signer, java.time.Duration.ofDays(10));
      em.createNativeQuery(
              "INSERT INTO initiative_signature (initiative_id, member_id, signed_at)"
                  + " VALUES (?, ?, ?)")
          .setParameter(1, initiative)
          .setParameter(2, id)
          .setParameter(
              3, time.atZone(PARIS).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
          .executeUpdate();
    }
    transaction.commit();
    // The recount covers the day before the last counted and after; counting from scratch (as a
    // first run does, from the oldest account) recounts the days past too.
    transaction.begin();
    em.createNativeQuery("DELETE FROM activity_daily").executeUpdate();
    transaction.commit();
    counts.refresh();

    long[] after = counts.daily(today.minusDays(6), today).get(Metric.SIGNATURES);
    long[] added = new long[7];
    for (int i = 0; i < 7; i++) {
      added[i] = after[i] - before[i];
    }
    assertThat(added).containsExactly(3, 0, 0, 2, 0, 0, 1);
    assertThat(counts.daily(today, today).get(Metric.INITIATIVES)[0])
        .as("the initiative published today")
        .isPositive();
    // Counted by the signers' commune: six in Guéret; one in Ahun, too few to be shown.
    transaction.begin();
    String lone = NetworkFixture.handle("ahun");
    long loneId = NetworkFixture.member(em, lone, "23001");
    em.createNativeQuery(
            "INSERT INTO initiative_signature (initiative_id, member_id, signed_at)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, initiative)
        .setParameter(2, loneId)
        .setParameter(3, java.time.OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    transaction.commit();
    var places = counts.signaturesByCommune(initiative);
    assertThat(places)
        .extracting(p -> p.communeName() + " " + p.signatures())
        .containsExactly("Ahun null", "Guéret 6");
    assertThat(places.get(0).departementName()).isEqualTo("Creuse");

    List<Object> rows =
        em.createNativeQuery("SELECT COUNT(*) FROM activity_daily WHERE on_day = ?")
            .setParameter(1, today)
            .getResultList();
    assertThat(((Number) rows.get(0)).longValue())
        .as("every metric has today's row, 0 when nothing happened")
        .isEqualTo(Metric.values().length);
  }

  @Test
  void answerRateMedianAndLongestWaitingEqualWhatTheRowsSay() throws Exception {
    // A day two years back that no other test writes on: five routings, four answered after 2,
    // 30, 5 and 9 hours; the median of (2, 5, 9, 30) is 7 (the middle two averaged).
    LocalDate day = LocalDate.now(PARIS).minusYears(2).minusDays(17);
    var routedAt = day.atTime(9, 0).atZone(PARIS).toOffsetDateTime();
    String author = NetworkFixture.handle("answered");
    transaction.begin();
    NetworkFixture.member(em, author);
    transaction.commit();
    long initiative =
        NetworkFixture.publish(initiatives, author, "Une initiative routée " + author);
    long[] delaysInHours = {2, 30, 5, 9, -1};
    transaction.begin();
    for (long hours : delaysInHours) {
      long official = NetworkFixture.member(em, NetworkFixture.handle("elu"));
      var answeredAt = hours < 0 ? null : routedAt.plusHours(hours);
      em.createNativeQuery(
              "INSERT INTO initiative_routing (initiative_id, official_id, routed_at, answered_at)"
                  + " VALUES (?, ?, ?, ?)")
          .setParameter(1, initiative)
          .setParameter(2, official)
          .setParameter(3, routedAt)
          .setParameter(4, answeredAt)
          .executeUpdate();
      if (answeredAt != null) {
        em.createNativeQuery(
                "INSERT INTO official_answer (id, initiative_id, official_id, mandate_title, body,"
                    + " answered_at, delay_seconds) VALUES (NEXT VALUE FOR official_answer_id_seq,"
                    + " ?, ?, 'Maire', 'Réponse', ?, ?)")
            .setParameter(1, initiative)
            .setParameter(2, official)
            .setParameter(3, answeredAt)
            .setParameter(4, hours * 3600)
            .executeUpdate();
      }
    }
    transaction.commit();

    var answers = counts.answers(day, day.plusDays(1));
    assertThat(answers.routed()).isEqualTo(5);
    assertThat(answers.answered()).isEqualTo(4);
    assertThat(answers.medianHours()).isEqualTo(7);
    assertThat(counts.answers(day.minusDays(3), day.minusDays(1)).medianHours())
        .as("no answer in the period")
        .isNull();

    // The longest waiting: the open, unanswered, routed initiatives, oldest first.
    transaction.begin();
    em.createNativeQuery("UPDATE initiative SET published_at = ? WHERE id = ?")
        .setParameter(1, routedAt.minusDays(1))
        .setParameter(2, initiative)
        .executeUpdate();
    transaction.commit();
    var waiting = counts.waitingLongest(5);
    @SuppressWarnings("unchecked")
    List<Object> expected =
        em.createNativeQuery(
                "SELECT i.id FROM initiative i WHERE i.status = 'PUBLISHED'"
                    + " AND i.answered_at IS NULL AND i.hidden_at IS NULL AND i.id IN"
                    + " (SELECT initiative_id FROM initiative_routing)"
                    + " ORDER BY i.published_at, i.id DESC")
            .setMaxResults(5)
            .getResultList();
    assertThat(waiting)
        .extracting(NetworkActivity.Waiting::initiativeId)
        .containsExactlyElementsOf(expected.stream().map(n -> ((Number) n).longValue()).toList());
  }
}
