package org.parvis.moderation.queue.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.moderation.api.ModerationQueue;
import org.parvis.moderation.log.control.ModerationLog;
import org.parvis.moderation.schema.control.Columns;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.PublishedContents;

/** The moderators' queue and their decisions (see {@link ModerationQueue}). */
@ApplicationScoped
@Transactional
public class Queue implements ModerationQueue {

  static final int STATEMENT_MIN = 10;

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Inject ModerationLog log;
  @Inject org.parvis.moderation.report.control.Reports reports;
  @Inject org.parvis.moderation.screening.control.Training training;
  @Inject Event<ContentVerdict> verdicts;
  @Inject Instance<PublishedContents> contents;

  Clock clock = Clock.systemUTC();

  @Override
  public List<Pending> pending(int first, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, item_id, initiative_id, score, reasons, status, flagged_at, author_id"
                    + " FROM moderation_item WHERE status IN ('HIDDEN', 'QUEUED')"
                    + " ORDER BY score DESC, flagged_at, kind, item_id"
                    + Columns.page(first, size))
            .getResultList();
    // One lookup per kind on the page, not one per item.
    Map<String, Map<Long, String>> texts = new HashMap<>();
    if (contents.isResolvable()) {
      rows.stream()
          .collect(
              Collectors.groupingBy(
                  r -> (String) r[0],
                  Collectors.mapping(r -> ((Number) r[1]).longValue(), Collectors.toList())))
          .forEach((kind, ids) -> texts.put(kind, contents.get().texts(kind, ids)));
    }
    return rows.stream()
        .map(
            r -> {
              String kind = (String) r[0];
              long id = ((Number) r[1]).longValue();
              String excerpt = excerpt(texts.getOrDefault(kind, Map.of()).get(id));
              return new Pending(
                  kind,
                  id,
                  ((Number) r[2]).longValue(),
                  ((Number) r[7]).longValue(),
                  ((Number) r[3]).doubleValue(),
                  (String) r[4],
                  (String) r[5],
                  Rows.instant(r[6]),
                  excerpt);
            })
        .toList();
  }

  @Override
  public long pendingCount() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM moderation_item WHERE status IN ('HIDDEN', 'QUEUED')")
                .getSingleResult())
        .longValue();
  }

  @Override
  @Transactional
  public Optional<String> decide(
      String moderator, String kind, long id, String decision, String statement) {
    String choice = String.valueOf(decision).toUpperCase(Locale.ROOT);
    if (!choice.equals("HIDE") && !choice.equals("KEEP")) {
      return Optional.of("moderation.decision.invalid");
    }
    if (statement == null || statement.strip().length() < STATEMENT_MIN) {
      return Optional.of("moderation.statement.required");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT status, initiative_id FROM moderation_item WHERE kind = ? AND item_id = ?"
                    + " FOR UPDATE")
            .setParameter(1, kind)
            .setParameter(2, id)
            .getResultList();
    if (rows.isEmpty() || !List.of("HIDDEN", "QUEUED").contains((String) rows.get(0)[0])) {
      return Optional.of("moderation.item.decided");
    }
    boolean hide = choice.equals("HIDE");
    boolean wasHidden = "HIDDEN".equals(rows.get(0)[0]);
    long initiativeId = ((Number) rows.get(0)[1]).longValue();
    Instant now = clock.instant();
    em.createNativeQuery(
            "UPDATE moderation_item SET status = ?, decided_by = ?, statement = ?, decided_at = ?"
                + " WHERE kind = ? AND item_id = ?")
        .setParameter(1, hide ? "REMOVED" : "KEPT")
        .setParameter(2, moderator)
        .setParameter(3, statement.strip())
        .setParameter(4, now.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(5, kind)
        .setParameter(6, id)
        .executeUpdate();
    log.record(
        moderator,
        hide ? "HIDE" : (wasHidden ? "RESTORE" : "DISMISS"),
        kind,
        Long.toString(id),
        statement.strip());
    if (hide || wasHidden) {
      // A removal, or a restore: the author receives the statement of reasons.
      verdicts.fire(new ContentVerdict(kind, id, hide, statement.strip(), now));
    }
    reports.decided(kind, id, initiativeId, hide);
    training.learn(kind, id, hide);
    return Optional.empty();
  }

  private static String excerpt(String text) {
    String t = text == null ? "" : text.strip();
    return t.length() <= 300 ? t : t.substring(0, 299) + "…";
  }

  @Override
  public List<ModerationQueue.Piece> highlight(String text) {
    return org.parvis.moderation.screening.control.Screening.highlight(text);
  }
}
