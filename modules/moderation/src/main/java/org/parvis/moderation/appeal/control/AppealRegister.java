package org.parvis.moderation.appeal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.moderation.api.Appeals;
import org.parvis.moderation.log.control.ModerationLog;
import org.parvis.moderation.schema.control.Columns;
import org.parvis.network.api.AppealDesk;
import org.parvis.network.api.AppealOutcome;
import org.parvis.network.api.ContentVerdict;

/**
 * Appeals: the author of an item a moderator hid appeals once, with a text; a different moderator
 * grants it (the item is shown again) or rejects it, with a statement; the author sees the whole
 * exchange and is told. Every step is in the moderation log.
 */
@ApplicationScoped
@Transactional
public class AppealRegister implements AppealDesk, Appeals {

  static final int TEXT_MIN = 10;
  static final int TEXT_MAX = 2_000;

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Inject ModerationLog log;
  @Inject Event<ContentVerdict> verdicts;
  @Inject Event<AppealOutcome> outcomes;
  @Inject org.parvis.moderation.screening.control.Training training;

  Clock clock = Clock.systemUTC();

  @Override
  @Transactional
  public Optional<String> appeal(String kind, long id, long authorId, String text) {
    String appeal = text == null ? "" : text.strip();
    if (appeal.length() < TEXT_MIN || appeal.length() > TEXT_MAX) {
      return Optional.of("appeal.text.invalid");
    }
    var exchange = exchange(kind, id, authorId);
    if (exchange.isEmpty() || !"REMOVED".equals(exchange.get().decision())) {
      return Optional.of("appeal.not-possible");
    }
    if (exchange.get().appeal() != null) {
      return Optional.of("appeal.already");
    }
    int inserted =
        em.createNativeQuery(
                "INSERT INTO moderation_appeal (kind, item_id, author_id, text, filed_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, kind)
            .setParameter(2, id)
            .setParameter(3, authorId)
            .setParameter(4, appeal)
            .setParameter(5, clock.instant().atOffset(ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 0) {
      return Optional.of("appeal.already");
    }
    log.record("author:" + authorId, "APPEAL", kind, Long.toString(id), appeal);
    return Optional.empty();
  }

  @Override
  public Optional<Exchange> exchange(String kind, long id, long authorId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.status, i.statement, i.decided_at, a.text, a.filed_at, a.outcome,"
                    + " a.statement, a.decided_at FROM moderation_item i LEFT JOIN"
                    + " moderation_appeal a ON a.kind = i.kind AND a.item_id = i.item_id"
                    + " WHERE i.kind = ? AND i.item_id = ? AND i.author_id = ?")
            .setParameter(1, kind)
            .setParameter(2, id)
            .setParameter(3, authorId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Exchange(
                    (String) r[0],
                    (String) r[1],
                    Rows.instant(r[2]),
                    (String) r[3],
                    Rows.instant(r[4]),
                    (String) r[5],
                    (String) r[6],
                    Rows.instant(r[7])));
  }

  @Override
  public List<PendingAppeal> pending(int first, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.kind, a.item_id, i.initiative_id, i.decided_by, i.statement, a.text,"
                    + " a.filed_at FROM moderation_appeal a JOIN moderation_item i"
                    + " ON i.kind = a.kind AND i.item_id = a.item_id WHERE a.outcome IS NULL"
                    + " ORDER BY a.filed_at"
                    + Columns.page(first, size))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PendingAppeal(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    Rows.instant(r[6])))
        .toList();
  }

  @Override
  @Transactional
  public Optional<String> decide(
      String moderator, String kind, long id, boolean grant, String statement) {
    if (statement == null || statement.strip().length() < TEXT_MIN) {
      return Optional.of("moderation.statement.required");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.decided_by, i.author_id, i.initiative_id FROM moderation_appeal a"
                    + " JOIN moderation_item i ON i.kind = a.kind AND i.item_id = a.item_id"
                    + " WHERE a.kind = ? AND a.item_id = ? AND a.outcome IS NULL FOR UPDATE")
            .setParameter(1, kind)
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.of("appeal.decided");
    }
    if (moderator.equals(rows.get(0)[0])) {
      return Optional.of("appeal.same-moderator");
    }
    Instant now = clock.instant();
    em.createNativeQuery(
            "UPDATE moderation_appeal SET outcome = ?, decided_by = ?, statement = ?,"
                + " decided_at = ? WHERE kind = ? AND item_id = ?")
        .setParameter(1, grant ? "GRANTED" : "REJECTED")
        .setParameter(2, moderator)
        .setParameter(3, statement.strip())
        .setParameter(4, now.atOffset(ZoneOffset.UTC))
        .setParameter(5, kind)
        .setParameter(6, id)
        .executeUpdate();
    if (grant) {
      em.createNativeQuery(
              "UPDATE moderation_item SET status = 'KEPT' WHERE kind = ? AND item_id = ?")
          .setParameter(1, kind)
          .setParameter(2, id)
          .executeUpdate();
      verdicts.fire(new ContentVerdict(kind, id, false, null, now));
      // The first decision was wrong: the classifier learns the item was acceptable.
      training.learn(kind, id, false);
    }
    log.record(
        moderator,
        grant ? "APPEAL_GRANTED" : "APPEAL_REJECTED",
        kind,
        Long.toString(id),
        statement.strip());
    outcomes.fire(
        new AppealOutcome(
            ((Number) rows.get(0)[1]).longValue(),
            kind,
            id,
            ((Number) rows.get(0)[2]).longValue(),
            grant,
            statement.strip(),
            now));
    return Optional.empty();
  }
}
