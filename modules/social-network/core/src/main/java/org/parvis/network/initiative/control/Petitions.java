package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.ranking.control.Ledger;
import org.parvis.network.ranking.control.Ranking;

/**
 * Signing and joining initiatives.
 *
 * <p>Counting without a hot row: a signature inserts its own row (primary key initiative + member:
 * one signature per member) and appends +1 to {@code signature_tally}; a withdrawal deletes the row
 * and appends −1. Nobody updates a shared row, so hundreds of concurrent signers of one initiative
 * never wait on each other. Every couple of seconds {@link #rollUp} folds the tally into {@code
 * initiative.signature_count} (which lists sort by); the exact count is that column plus the few
 * tally rows not folded yet. The roll-up locks the rows it folds, so two Payara instances never
 * fold the same row twice.
 */
@ApplicationScoped
@Transactional
public class Petitions {

  static final int ROLL_UP_BATCH = 20_000;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Notifications notifications;
  @Inject org.parvis.network.follow.control.Follows follows;
  @Inject Ledger ledger;
  @Inject Timeline timeline;
  @Inject org.parvis.network.ranking.control.RollingWindows windows;
  @Inject org.parvis.network.schema.control.NetworkDatabase database;

  Clock clock = Clock.systemUTC();

  /**
   * Signs an open initiative for the member (not one hidden by moderation).
   *
   * @return empty when signed (or already signed), otherwise the message key of the problem: {@code
   *     initiative.unknown} when there is no such initiative, {@code initiative.closed} when it is
   *     not open (a draft, or hidden by moderation)
   */
  @Transactional
  public Optional<String> sign(String handle, long initiativeId) {
    String normalized = handle == null ? "" : handle.strip().toLowerCase(java.util.Locale.ROOT);
    var at = clock.instant().atOffset(ZoneOffset.UTC);
    // One statement finds the member (confirmed, not frozen), checks the initiative is open and
    // inserts unless already signed (a double click racing its twin included: ON CONFLICT, which
    // H2 accepts in PostgreSQL mode). Two statements per signature in all, with the tally.
    int inserted =
        em.createNativeQuery(
                "INSERT INTO initiative_signature (initiative_id, member_id, signed_at)"
                    + " SELECT i.id, m.id, ? FROM initiative i, member_account m"
                    + " WHERE i.id = ? AND i.status = 'PUBLISHED' AND i.hidden_at IS NULL"
                    + " AND m.handle = ?"
                    + " AND m.email_confirmed_at IS NOT NULL AND m.frozen_at IS NULL"
                    + " AND (m.suspended_until IS NULL OR m.suspended_until <= ?)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, at)
            .setParameter(2, initiativeId)
            .setParameter(3, normalized)
            .setParameter(4, at)
            .executeUpdate();
    if (inserted == 1) {
      ledger.signature(initiativeId, normalized, 1);
      return Optional.empty();
    }
    // Not inserted: say why (rare path).
    if (!exists(initiativeId)) {
      return Optional.of("initiative.unknown");
    }
    var member = memberId(handle);
    if (member.isEmpty()) {
      return Optional.of("initiative.member.unknown");
    }
    return signed(member.get(), initiativeId) ? Optional.empty() : Optional.of("initiative.closed");
  }

  /** Withdraws the member's signature while the initiative is open. */
  @Transactional
  public Optional<String> withdraw(String handle, long initiativeId) {
    var member = memberId(handle);
    if (member.isEmpty()) {
      return Optional.of("initiative.member.unknown");
    }
    int deleted =
        em.createNativeQuery(
                "DELETE FROM initiative_signature WHERE initiative_id = ? AND member_id = ?"
                    + " AND EXISTS (SELECT 1 FROM initiative i WHERE i.id = ? AND i.status ="
                    + " 'PUBLISHED')")
            .setParameter(1, initiativeId)
            .setParameter(2, member.get())
            .setParameter(3, initiativeId)
            .executeUpdate();
    if (deleted == 1) {
      ledger.signature(initiativeId, MemberAccount.normalizeHandle(handle), -1);
      return Optional.empty();
    }
    return signed(member.get(), initiativeId) ? Optional.of("initiative.closed") : Optional.empty();
  }

  /** Volunteers the member to act on an open initiative; they then follow it. */
  @Transactional
  public Optional<String> join(String handle, long initiativeId) {
    var member = memberId(handle);
    if (member.isEmpty()) {
      return Optional.of("initiative.member.unknown");
    }
    Instant now = clock.instant();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO initiative_participant (initiative_id, member_id, joined_at)"
                    + " SELECT i.id, ?, ? FROM initiative i WHERE i.id = ? AND i.status ="
                    + " 'PUBLISHED' ON CONFLICT DO NOTHING")
            .setParameter(1, member.get())
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .setParameter(3, initiativeId)
            .executeUpdate();
    if (inserted == 1) {
      follows.follow(member.get(), "INITIATIVE", Long.toString(initiativeId), now);
      ledger.record(initiativeId, member.get(), Ranking.JOIN, member.get(), Ranking.JOIN);
      return Optional.empty();
    }
    return counts(initiativeId, handle).joined()
        ? Optional.empty()
        : Optional.of("initiative.closed");
  }

  @Transactional
  public void leave(String handle, long initiativeId) {
    memberId(handle)
        .ifPresent(
            member ->
                em.createNativeQuery(
                        "DELETE FROM initiative_participant WHERE initiative_id = ?"
                            + " AND member_id = ?")
                    .setParameter(1, initiativeId)
                    .setParameter(2, member)
                    .executeUpdate());
  }

  /** Exact counts of an initiative and what the viewer did (viewer may be null). */
  public record Counts(long signatures, long joiners, boolean signed, boolean joined) {}

  /** One statement: the rolled-up count, the pending tally, the joiners and the viewer's state. */
  public Counts counts(long initiativeId, String viewer) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT i.signature_count"
                        + " + COALESCE((SELECT SUM(t.delta) FROM signature_tally t"
                        + " WHERE t.initiative_id = i.id), 0),"
                        + " (SELECT COUNT(*) FROM initiative_participant p"
                        + " WHERE p.initiative_id = i.id),"
                        + " (SELECT COUNT(*) FROM initiative_signature s JOIN member_account m"
                        + " ON m.id = s.member_id WHERE s.initiative_id = i.id AND m.handle = ?),"
                        + " (SELECT COUNT(*) FROM initiative_participant p JOIN member_account m"
                        + " ON m.id = p.member_id WHERE p.initiative_id = i.id AND m.handle = ?)"
                        + " FROM initiative i WHERE i.id = ?")
                .setParameter(1, viewer == null ? "" : viewer)
                .setParameter(2, viewer == null ? "" : viewer)
                .setParameter(3, initiativeId)
                .getResultStream()
                .findFirst()
                .orElse(new Object[] {0, 0, 0, 0});
    return new Counts(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue() > 0,
        ((Number) row[3]).longValue() > 0);
  }

  /**
   * Folds pending ledger rows into the initiatives' counts and rankings and into the members'
   * points, marks the members credited for a new look at their badges, and tells followers when an
   * initiative passes 25, 50, 75 or 100 % of its goal (its history says so too). Returns how many
   * rows it folded.
   */
  @Transactional
  public int rollUp() {
    Instant now = clock.instant();
    var day = java.time.LocalDate.ofInstant(now, Initiatives.PARIS);
    if (database.schema().postgresql()) {
      // Shorter than PostgreSQL's deadlock timeout (1 s): in a lock cycle with a member's request,
      // the background job is the one that fails, never the request.
      em.createNativeQuery("SET LOCAL lock_timeout = '500ms'").executeUpdate();
    }
    windows.advance(day);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, initiative_id, delta, points, member_id, member_points"
                    + " FROM signature_tally ORDER BY id LIMIT "
                    + ROLL_UP_BATCH
                    + " FOR UPDATE")
            .getResultList();
    if (rows.isEmpty()) {
      return 0;
    }
    // Sorted, and members before initiatives: a member's own request updates their account row
    // first (the dormant-account watch), then an initiative's (a comment, a counter-initiative);
    // locking in the same order, the roll-up waits for such a request instead of deadlocking with
    // it. A request that updates several accounts may still meet it in another order: the roll-up
    // then gives way (the lock timeout above) and folds the rows at its next run.
    var initiatives = new TreeMap<Long, double[]>();
    var credited = new TreeMap<Long, Double>();
    var ids = new java.util.ArrayList<Long>(rows.size());
    for (Object[] row : rows) {
      ids.add(((Number) row[0]).longValue());
      var sums = initiatives.computeIfAbsent(((Number) row[1]).longValue(), k -> new double[2]);
      sums[0] += ((Number) row[2]).doubleValue();
      sums[1] += ((Number) row[3]).doubleValue();
      if (row[4] != null) {
        credited.merge(((Number) row[4]).longValue(), ((Number) row[5]).doubleValue(), Double::sum);
      }
    }
    for (Map.Entry<Long, Double> member : credited.entrySet()) {
      if (member.getValue() != 0) {
        em.createNativeQuery(
                "MERGE INTO member_points_daily d USING (SELECT CAST(? AS BIGINT) AS member_id,"
                    + " CAST(? AS DATE) AS on_day, CAST(? AS DOUBLE PRECISION) AS points) v"
                    + " ON (d.member_id = v.member_id AND d.on_day = v.on_day)"
                    + " WHEN MATCHED THEN UPDATE SET points = d.points + v.points"
                    + " WHEN NOT MATCHED THEN INSERT (member_id, on_day, points)"
                    + " VALUES (v.member_id, v.on_day, v.points)")
            .setParameter(1, member.getKey())
            .setParameter(2, day)
            .setParameter(3, member.getValue())
            .executeUpdate();
        em.createNativeQuery(
                "UPDATE member_account SET points_week = points_week + ?,"
                    + " points_month = points_month + ?, points_total = points_total + ?"
                    + " WHERE id = ?")
            .setParameter(1, member.getValue())
            .setParameter(2, member.getValue())
            .setParameter(3, member.getValue())
            .setParameter(4, member.getKey())
            .executeUpdate();
      }
      ledger.badgesDue(member.getKey());
    }
    var at = now.atOffset(ZoneOffset.UTC);
    for (Map.Entry<Long, double[]> entry : initiatives.entrySet()) {
      long id = entry.getKey();
      long delta = Math.round(entry.getValue()[0]);
      double points = entry.getValue()[1];
      if (delta == 0 && points == 0) {
        continue;
      }
      Object[] before =
          (Object[])
              em.createNativeQuery(
                      "SELECT signature_count, signature_goal, hot FROM initiative WHERE id = ?")
                  .setParameter(1, id)
                  .getSingleResult();
      em.createNativeQuery(
              "UPDATE initiative SET signature_count = signature_count + ?, hot = ?,"
                  + " points = points + ?, points_week = points_week + ?,"
                  + " points_month = points_month + ?, last_activity_at = ? WHERE id = ?")
          .setParameter(1, delta)
          .setParameter(2, Ranking.add(((Number) before[2]).doubleValue(), points, now))
          .setParameter(3, points)
          .setParameter(4, points)
          .setParameter(5, points)
          .setParameter(6, at)
          .setParameter(7, id)
          .executeUpdate();
      if (points != 0) {
        em.createNativeQuery(
                "MERGE INTO initiative_points_daily d USING (SELECT CAST(? AS BIGINT) AS"
                    + " initiative_id, CAST(? AS DATE) AS on_day, CAST(? AS DOUBLE PRECISION) AS"
                    + " points) v ON (d.initiative_id = v.initiative_id AND d.on_day = v.on_day)"
                    + " WHEN MATCHED THEN UPDATE SET points = d.points + v.points"
                    + " WHEN NOT MATCHED THEN INSERT (initiative_id, on_day, points)"
                    + " VALUES (v.initiative_id, v.on_day, v.points)")
            .setParameter(1, id)
            .setParameter(2, day)
            .setParameter(3, points)
            .executeUpdate();
      }
      if (before[1] != null && delta > 0) {
        long goal = ((Number) before[1]).longValue();
        long from = ((Number) before[0]).longValue();
        milestone(goal, from, from + delta)
            .ifPresent(
                kind -> {
                  notifications.notifyFollowers(id, kind, null, now);
                  timeline.record(id, Timeline.Kind.valueOf(kind.name()), null, now);
                });
      }
    }
    // Exactly the rows read (and locked) above: a row committed meanwhile, even with an id in
    // between, waits for the next run. The ids come from the database, never from users.
    for (int from = 0; from < ids.size(); from += 1_000) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
      em.createNativeQuery(
              "DELETE FROM signature_tally WHERE id IN ("
                  + String.join(",", chunk.stream().map(String::valueOf).toList())
                  + ")")
          .executeUpdate();
    }
    return rows.size();
  }

  /** The highest quarter of the goal crossed going from one count to another, if any. */
  static Optional<Notifications.Kind> milestone(long goal, long from, long to) {
    Notifications.Kind crossed = null;
    int[] quarters = {25, 50, 75, 100};
    for (int percent : quarters) {
      long threshold = (goal * percent + 99) / 100;
      if (from < threshold && to >= threshold) {
        crossed = Notifications.Kind.valueOf("MILESTONE_" + percent);
      }
    }
    return Optional.ofNullable(crossed);
  }

  /** Whether an initiative has this id (a draft or a hidden one is there, but not open). */
  private boolean exists(long initiativeId) {
    return ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM initiative WHERE id = ?")
                    .setParameter(1, initiativeId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private boolean signed(long member, long initiativeId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM initiative_signature WHERE initiative_id = ?"
                            + " AND member_id = ?")
                    .setParameter(1, initiativeId)
                    .setParameter(2, member)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private Optional<Long> memberId(String handle) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM member_account WHERE handle = ? AND email_confirmed_at IS NOT NULL"
                    + " AND frozen_at IS NULL AND (suspended_until IS NULL OR suspended_until <= ?)")
            .setParameter(
                1, handle == null ? "" : handle.strip().toLowerCase(java.util.Locale.ROOT))
            .setParameter(2, clock.instant().atOffset(ZoneOffset.UTC))
            .getResultList();
    return ids.stream().findFirst().map(Number::longValue);
  }
}
