package org.parvis.moderation.sanction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.moderation.api.Authors;
import org.parvis.moderation.log.control.ModerationLog;
import org.parvis.network.api.MemberSanction;

/**
 * Graduated sanctions (warning, suspension, ban), each with its statement, in the log, applied by
 * the network to the member's account; and the author's record that moderators decide from.
 */
@ApplicationScoped
@Transactional
public class Sanctions implements Authors {

  static final int MAX_DAYS = 365;

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Inject ModerationLog log;
  @Inject Event<MemberSanction> sanctions;
  @Inject jakarta.enterprise.inject.Instance<org.parvis.network.api.PublishedContents> contents;

  Clock clock = Clock.systemUTC();

  @Override
  public Record record(long memberId) {
    @SuppressWarnings("unchecked")
    List<Object[]> items =
        em.createNativeQuery(
                "SELECT kind, item_id, initiative_id, status, score, reasons, flagged_at"
                    + " FROM moderation_item WHERE author_id = ? ORDER BY flagged_at DESC LIMIT 50")
            .setParameter(1, memberId)
            .getResultList();
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(CASE WHEN status = 'REMOVED' THEN 1 END),"
                        + " COUNT(CASE WHEN status = 'KEPT' THEN 1 END)"
                        + " FROM moderation_item WHERE author_id = ?")
                .setParameter(1, memberId)
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, kind, statement, decided_by, starts_at, ends_at, lifted_at"
                    + " FROM moderation_sanction WHERE member_id = ? ORDER BY starts_at DESC LIMIT 50")
            .setParameter(1, memberId)
            .getResultList();
    return new Record(
        memberId,
        contents.isResolvable() ? contents.get().handle(memberId).orElse(null) : null,
        items.stream()
            .map(
                r ->
                    new Item(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        ((Number) r[4]).doubleValue(),
                        (String) r[5],
                        Rows.instant(r[6])))
            .toList(),
        ((Number) counts[0]).longValue(),
        ((Number) counts[1]).longValue(),
        rows.stream()
            .map(
                r ->
                    new Sanction(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        Rows.instant(r[4]),
                        Rows.instant(r[5]),
                        Rows.instant(r[6])))
            .toList());
  }

  @Override
  @Transactional
  public Optional<String> sanction(
      String moderator, long memberId, String kind, int days, String statement) {
    String k = String.valueOf(kind).toUpperCase(Locale.ROOT);
    if (!List.of("WARN", "SUSPEND", "BAN").contains(k)) {
      return Optional.of("sanction.kind.invalid");
    }
    if ("SUSPEND".equals(k) && (days < 1 || days > MAX_DAYS)) {
      return Optional.of("sanction.days.invalid");
    }
    if (statement == null || statement.strip().length() < 10) {
      return Optional.of("moderation.statement.required");
    }
    Instant now = clock.instant();
    Instant until = "SUSPEND".equals(k) ? now.plus(Duration.ofDays(days)) : null;
    em.createNativeQuery(
            "INSERT INTO moderation_sanction (member_id, kind, statement, decided_by, starts_at,"
                + " ends_at) VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE))")
        .setParameter(1, memberId)
        .setParameter(2, k)
        .setParameter(3, statement.strip())
        .setParameter(4, moderator)
        .setParameter(5, now.atOffset(ZoneOffset.UTC))
        .setParameter(6, until == null ? null : until.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    log.record(moderator, k, "MEMBER", Long.toString(memberId), statement.strip());
    sanctions.fire(
        new MemberSanction(
            memberId, k, until, false, statement.strip(), blockedUntil(memberId, now), now));
    return Optional.empty();
  }

  @Override
  @Transactional
  public Optional<String> lift(String moderator, long sanctionId, String statement) {
    if (statement == null || statement.strip().length() < 10) {
      return Optional.of("moderation.statement.required");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT member_id, kind FROM moderation_sanction WHERE id = ? AND lifted_at IS NULL"
                    + " AND kind IN ('SUSPEND', 'BAN') FOR UPDATE")
            .setParameter(1, sanctionId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.of("sanction.not-active");
    }
    Instant now = clock.instant();
    em.createNativeQuery("UPDATE moderation_sanction SET lifted_at = ?, lifted_by = ? WHERE id = ?")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, moderator)
        .setParameter(3, sanctionId)
        .executeUpdate();
    long member = ((Number) rows.get(0)[0]).longValue();
    log.record(moderator, "LIFT", "MEMBER", Long.toString(member), statement.strip());
    sanctions.fire(
        new MemberSanction(
            member,
            (String) rows.get(0)[1],
            null,
            true,
            statement.strip(),
            blockedUntil(member, now),
            now));
    return Optional.empty();
  }

  /**
   * Until when the member's account stays blocked, all their sanctions in force counted: a ban not
   * lifted blocks for ever, otherwise the latest end of a suspension not lifted; null when none.
   */
  Instant blockedUntil(long memberId, Instant now) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(CASE WHEN kind = 'BAN' THEN 1 END),"
                        + " MAX(CASE WHEN kind = 'SUSPEND' THEN ends_at END)"
                        + " FROM moderation_sanction WHERE member_id = ? AND lifted_at IS NULL"
                        + " AND kind IN ('SUSPEND', 'BAN')")
                .setParameter(1, memberId)
                .getSingleResult();
    if (((Number) row[0]).longValue() > 0) {
      return MemberSanction.FOREVER;
    }
    Instant end = Rows.instant(row[1]);
    return end != null && end.isAfter(now) ? end : null;
  }

  @Override
  public java.util.Map<Long, Standing> standings(java.util.Collection<Long> memberIds) {
    var standings = new java.util.HashMap<Long, Standing>();
    var ids = memberIds.stream().distinct().limit(500).toList();
    if (ids.isEmpty()) {
      return standings;
    }
    String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    var items =
        em.createNativeQuery(
            "SELECT author_id, COUNT(*), COUNT(CASE WHEN status = 'REMOVED' THEN 1 END)"
                + " FROM moderation_item WHERE author_id IN ("
                + in
                + ") GROUP BY author_id");
    var sanctions =
        em.createNativeQuery(
            "SELECT member_id, COUNT(*) FROM moderation_sanction WHERE member_id IN ("
                + in
                + ") AND lifted_at IS NULL AND (kind = 'BAN' OR (kind = 'SUSPEND' AND ends_at > ?))"
                + " GROUP BY member_id");
    for (int i = 0; i < ids.size(); i++) {
      items.setParameter(i + 1, ids.get(i));
      sanctions.setParameter(i + 1, ids.get(i));
    }
    sanctions.setParameter(ids.size() + 1, clock.instant().atOffset(java.time.ZoneOffset.UTC));
    @SuppressWarnings("unchecked")
    List<Object[]> itemRows = items.getResultList();
    for (Object[] r : itemRows) {
      standings.put(
          ((Number) r[0]).longValue(),
          new Standing(((Number) r[1]).longValue(), ((Number) r[2]).longValue(), 0));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> sanctionRows = sanctions.getResultList();
    for (Object[] r : sanctionRows) {
      long id = ((Number) r[0]).longValue();
      var before = standings.getOrDefault(id, Standing.CLEAN);
      standings.put(
          id, new Standing(before.flagged(), before.removed(), ((Number) r[1]).longValue()));
    }
    return standings;
  }
}
