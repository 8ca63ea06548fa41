package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.initiative.entity.Initiative;
import org.parvis.network.initiative.entity.OfficialAnswer;
import org.parvis.network.member.control.DormantAccountWatch;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.official.control.MandateInForce;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.official.entity.OfficialMandate;
import org.parvis.network.official.entity.OfficialMandate.TerritoryKind;
import org.parvis.network.ranking.control.Ranking;

/**
 * Officials in the loop. A published initiative goes to the officials of the nearest territory that
 * has some, walking up from its own level: commune, département, région, then national. Each
 * official's inbox holds what was routed to them and not yet answered. Any official whose mandate
 * covers the territory may answer, in public, once per initiative.
 */
@ApplicationScoped
@Transactional
public class OfficialRouting {

  @Inject Timeline timeline;
  @Inject org.parvis.network.ranking.control.Ledger ledger;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject org.parvis.network.member.control.Members members;

  @Inject OfficialRegistry officials;
  @Inject DormantAccountWatch watch;
  @Inject Notifications notifications;
  @Inject jakarta.enterprise.event.Event<org.parvis.network.api.ContentPublished> publications;

  Clock clock = Clock.systemUTC();

  private static final List<TerritoryKind> UPWARDS =
      List.of(
          TerritoryKind.COMMUNE,
          TerritoryKind.DEPARTEMENT,
          TerritoryKind.REGION,
          TerritoryKind.NATIONAL);

  /** Routes a newly published initiative; runs in the publisher's transaction. */
  void route(Initiative initiative, Instant now) {
    recipients(initiative).forEach(official -> routeTo(initiative.id(), official.id(), now));
  }

  /** The officials of the nearest level, walking up from the initiative's own, that has some. */
  private List<MemberAccount> recipients(Initiative initiative) {
    var territory = initiative.territory();
    return nearest(officials.around(territory), territory).stream()
        .map(OfficialMandate::member)
        .filter(m -> !m.equals(initiative.author()))
        .distinct()
        .toList();
  }

  /** Of the mandates around a territory, those of the nearest level, from its own upwards. */
  private static List<OfficialMandate> nearest(
      List<OfficialMandate> around, org.parvis.network.territory.entity.Territory territory) {
    var level = TerritoryKind.valueOf(territory.kind());
    return UPWARDS.stream()
        .filter(k -> k.ordinal() >= level.ordinal())
        .map(k -> around.stream().filter(m -> m.territoryKind() == k).toList())
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse(List.of());
  }

  private void routeTo(long initiative, long official, Instant now) {
    em.createNativeQuery(
            "INSERT INTO initiative_routing (initiative_id, official_id, routed_at)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, initiative)
        .setParameter(2, official)
        .setParameter(3, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    counted(official, 1, 0);
  }

  /** At most this many open initiatives are routed to an official when a mandate starts. */
  static final int ROUTED_ON_GRANT_MAX = 2000;

  /**
   * A mandate granted or renewed: the open initiatives of its territory that would go to its
   * official if they were published now (same rule as {@link #route}) and that the official has not
   * received yet are routed to them, newest first, up to {@link #ROUTED_ON_GRANT_MAX}. Runs in the
   * staff member's transaction.
   */
  void mandateInForce(@jakarta.enterprise.event.Observes MandateInForce event) {
    var mandate = em.find(OfficialMandate.class, event.mandateId());
    if (mandate == null
        || !mandate.isActive(java.time.LocalDate.now(clock.withZone(OfficialRegistry.PARIS)))) {
      return;
    }
    String within =
        switch (mandate.territoryKind()) {
          case COMMUNE -> " AND i.commune_code = ?2";
          case DEPARTEMENT -> " AND i.departement_code = ?2";
          case REGION -> " AND i.region_code = ?2";
          case NATIONAL -> "";
        };
    var query =
        em.createNativeQuery(
                "SELECT i.id FROM initiative i WHERE i.status = 'PUBLISHED'"
                    + " AND i.hidden_at IS NULL"
                    + within
                    + " AND NOT EXISTS (SELECT 1 FROM initiative_routing r"
                    + " WHERE r.initiative_id = i.id AND r.official_id = ?1)"
                    + " ORDER BY i.published_at DESC, i.id DESC"
                    + Rows.page(0, ROUTED_ON_GRANT_MAX))
            .setParameter(1, mandate.member().id());
    if (!within.isEmpty()) {
      query.setParameter(2, mandate.territoryCode());
    }
    @SuppressWarnings("unchecked")
    List<Number> ids = query.getResultList();
    if (ids.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    var official = mandate.member();
    // One query for the initiatives, and the officials around each territory asked once: a
    // département's mandate covers hundreds of initiatives in a few dozen communes.
    var around = new java.util.HashMap<String, List<OfficialMandate>>();
    em.createQuery(
            "SELECT i FROM Initiative i JOIN FETCH i.author WHERE i.id IN :ids", Initiative.class)
        .setParameter("ids", ids.stream().map(Number::longValue).toList())
        .getResultStream()
        .filter(i -> !i.author().equals(official))
        .filter(
            i -> {
              var territory = i.territory();
              var mandates =
                  around.computeIfAbsent(
                      territory.kind() + ":" + territory.code(), k -> officials.around(territory));
              return nearest(mandates, territory).stream()
                  .anyMatch(m -> m.member().equals(official));
            })
        .forEach(i -> routeTo(i.id(), official.id(), now));
  }

  /** The official's running counts, which the all-time national leaderboard reads. */
  private void counted(long official, int routed, int answered) {
    em.createNativeQuery(
            "UPDATE member_account SET routed_count = routed_count + ?,"
                + " answered_count = answered_count + ? WHERE id = ?")
        .setParameter(1, routed)
        .setParameter(2, answered)
        .setParameter(3, official)
        .executeUpdate();
  }

  /** The initiatives waiting for the official's answer, oldest first. */
  public List<Initiatives.Summary> inbox(String handle, int first, int size) {
    var official = members.confirmed(handle);
    if (official.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT r.initiative_id FROM initiative_routing r WHERE r.official_id = ?"
                    + " AND r.answered_at IS NULL ORDER BY r.routed_at, r.initiative_id"
                    + Rows.page(first, Math.min(Math.max(1, size), Initiatives.PAGE_SIZE)))
            .setParameter(1, official.get().id())
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    var byId =
        em.createQuery(
                "SELECT i FROM Initiative i JOIN FETCH i.author WHERE i.id IN :ids"
                    + " AND i.status <> org.parvis.network.initiative.entity.Initiative.Status.DRAFT",
                Initiative.class)
            .setParameter("ids", ids.stream().map(Number::longValue).toList())
            .getResultStream()
            .collect(Collectors.toMap(Initiative::id, Function.identity()));
    return ids.stream()
        .map(id -> byId.get(id.longValue()))
        .filter(java.util.Objects::nonNull)
        .map(i -> Initiatives.summary(i, i.author()))
        .toList();
  }

  /** How many initiatives wait in the official's inbox. */
  public long inboxCount(String handle) {
    return members
        .confirmed(handle)
        .map(
            m ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT COUNT(*) FROM initiative_routing WHERE official_id = ?"
                                    + " AND answered_at IS NULL")
                            .setParameter(1, m.id())
                            .getSingleResult())
                    .longValue())
        .orElse(0L);
  }

  /** Whether the member may answer this initiative formally. */
  public boolean mayAnswer(String handle, long initiativeId) {
    var official = members.confirmed(handle);
    var initiative = em.find(Initiative.class, initiativeId);
    return official.isPresent()
        && initiative != null
        && initiative.isPublic()
        && mandateFor(official.get(), initiative).isPresent();
  }

  /**
   * The official's formal answer, published at once and sent to the initiative's followers.
   *
   * @return empty when published, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> answer(String handle, long initiativeId, String body, String address) {
    var official = members.confirmed(handle);
    // Locked first, as the answer marks it answered (see Debate.comment).
    var initiative =
        em.find(Initiative.class, initiativeId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (official.isEmpty() || initiative == null || !initiative.isPublic()) {
      return Optional.of("answer.not-allowed");
    }
    var mandate = mandateFor(official.get(), initiative);
    if (mandate.isEmpty()) {
      return Optional.of("answer.not-allowed");
    }
    if (!OfficialAnswer.validBody(body)) {
      return Optional.of("answer.body.invalid");
    }
    long already =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM official_answer WHERE initiative_id = ?"
                            + " AND official_id = ?")
                    .setParameter(1, initiative.id())
                    .setParameter(2, official.get().id())
                    .getSingleResult())
            .longValue();
    if (already > 0) {
      return Optional.of("answer.already");
    }
    var refused = watch.beforePublishing(handle, address, body).refusal();
    if (refused.isPresent()) {
      return refused;
    }
    Instant now = clock.instant();
    var answer = new OfficialAnswer(initiative, official.get(), mandate.get().title(), body, now);
    em.persist(answer);
    em.flush();
    publications.fire(
        new org.parvis.network.api.ContentPublished(
            "ANSWER", answer.id(), initiative.id(), false, now));
    int routed =
        em.createNativeQuery(
                "UPDATE initiative_routing SET answered_at = ? WHERE initiative_id = ?"
                    + " AND official_id = ?")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, initiative.id())
            .setParameter(3, official.get().id())
            .executeUpdate();
    if (routed == 0) {
      em.createNativeQuery(
              "INSERT INTO initiative_routing (initiative_id, official_id, routed_at, answered_at)"
                  + " VALUES (?, ?, ?, ?)")
          .setParameter(1, initiative.id())
          .setParameter(2, official.get().id())
          .setParameter(3, initiative.publishedAt().atOffset(ZoneOffset.UTC))
          .setParameter(4, now.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
    counted(official.get().id(), routed == 0 ? 1 : 0, 1);
    initiative.answered(now);
    notifications.notifyFollowers(
        initiative.id(), Notifications.Kind.ANSWER, official.get().id(), now);
    timeline.record(initiative.id(), Timeline.Kind.ANSWER, answer.id(), now);
    long by = official.get().id();
    ledger.record(initiative.id(), by, Ranking.ANSWER, initiative.author().id(), Ranking.ANSWER);
    ledger.record(initiative.id(), by, 0, by, Ranking.ANSWER);
    return Optional.empty();
  }

  /** A formal answer as the initiative's page shows it. */
  public record Answer(
      long id,
      String handle,
      String displayName,
      String gender,
      String mandate,
      String body,
      Instant at) {}

  public List<Answer> answers(long initiativeId) {
    return em.createNamedQuery(OfficialAnswer.OF_INITIATIVE, OfficialAnswer.class)
        .setParameter("initiative", em.getReference(Initiative.class, initiativeId))
        .setMaxResults(50)
        .getResultStream()
        .map(
            a ->
                new Answer(
                    a.id(),
                    a.official().publicHandle(),
                    a.official().displayName(),
                    a.official().gender(),
                    a.mandateTitle(),
                    a.body(),
                    a.answeredAt()))
        .toList();
  }

  /**
   * An official's responsiveness on their profile: initiatives routed to them, how many they
   * answered, and the median time from publication to their answer.
   */
  public record Responsiveness(long routed, long answered, Duration medianDelay) {}

  public Responsiveness responsiveness(String handle) {
    var official = members.confirmed(handle);
    if (official.isEmpty()) {
      return new Responsiveness(0, 0, null);
    }
    long routed =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM initiative_routing WHERE official_id = ?")
                    .setParameter(1, official.get().id())
                    .getSingleResult())
            .longValue();
    // The most recent answers suffice for a median that reflects today's responsiveness.
    @SuppressWarnings("unchecked")
    List<Number> delays =
        em.createNativeQuery(
                "SELECT delay_seconds FROM official_answer WHERE official_id = ?"
                    + " ORDER BY answered_at DESC"
                    + Rows.page(0, 1_000))
            .setParameter(1, official.get().id())
            .getResultList();
    var sorted = delays.stream().map(Number::longValue).sorted(Comparator.naturalOrder()).toList();
    Duration median = null;
    if (!sorted.isEmpty()) {
      int n = sorted.size();
      long middle =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      median = Duration.ofSeconds(middle);
    }
    long answered =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM official_answer WHERE official_id = ?")
                    .setParameter(1, official.get().id())
                    .getSingleResult())
            .longValue();
    return new Responsiveness(Math.max(routed, answered), answered, median);
  }

  private Optional<OfficialMandate> mandateFor(MemberAccount official, Initiative initiative) {
    var territory = initiative.territory();
    return officials.mandatesOf(official).stream().filter(m -> m.covers(territory)).findFirst();
  }
}
