package org.parvis.moderation.transparency.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.api.Transparency;

/**
 * Moderation's public figures, computed from the append-only log and the reports, never kept apart
 * (so they always equal the log). Months are UTC calendar months.
 */
@ApplicationScoped
@Transactional
public class TransparencyFigures implements Transparency {

  /** Log actors that are not people. */
  static final Set<String> AUTOMATIC = Set.of("screening", "reports");

  static final Set<String> DECISIONS =
      Set.of("AUTO_HIDE", "AUTO_QUEUE", "HIDE", "RESTORE", "DISMISS");

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Override
  public List<Month> months(int months) {
    var now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    var from = now.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
    var since = from.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    var result = new ArrayList<Month>();
    var reports = new TreeMap<YearMonth, Map<String, Long>>();
    @SuppressWarnings("unchecked")
    List<Object[]> reportRows =
        em.createNativeQuery(
                "SELECT EXTRACT(YEAR FROM reported_at), EXTRACT(MONTH FROM reported_at), reason,"
                    + " COUNT(*) FROM moderation_report WHERE reported_at >= ?"
                    + " GROUP BY EXTRACT(YEAR FROM reported_at), EXTRACT(MONTH FROM reported_at),"
                    + " reason")
            .setParameter(1, since)
            .getResultList();
    for (Object[] r : reportRows) {
      reports
          .computeIfAbsent(month(r[0], r[1]), m -> new TreeMap<>())
          .put((String) r[2], ((Number) r[3]).longValue());
    }
    var decisions = new TreeMap<YearMonth, Map<String, Long>>();
    var automatic = new TreeMap<YearMonth, Long>();
    var human = new TreeMap<YearMonth, Long>();
    @SuppressWarnings("unchecked")
    List<Object[]> logRows =
        em.createNativeQuery(
                "SELECT EXTRACT(YEAR FROM occurred_at), EXTRACT(MONTH FROM occurred_at), action,"
                    + " actor FROM moderation_log WHERE occurred_at >= ? AND action IN"
                    + " ('AUTO_HIDE', 'AUTO_QUEUE', 'HIDE', 'RESTORE', 'DISMISS', 'APPEAL',"
                    + " 'APPEAL_GRANTED', 'APPEAL_REJECTED')")
            .setParameter(1, since)
            .getResultList();
    for (Object[] r : logRows) {
      var m = month(r[0], r[1]);
      decisions.computeIfAbsent(m, k -> new TreeMap<>()).merge((String) r[2], 1L, Long::sum);
      if (DECISIONS.contains((String) r[2])) {
        (AUTOMATIC.contains((String) r[3]) ? automatic : human).merge(m, 1L, Long::sum);
      }
    }
    var delays = new TreeMap<YearMonth, List<Double>>();
    @SuppressWarnings("unchecked")
    List<Object[]> delayRows =
        em.createNativeQuery(
                "SELECT l.occurred_at, i.flagged_at FROM moderation_log l JOIN moderation_item i"
                    + " ON i.kind = l.subject_type AND CAST(i.item_id AS VARCHAR(64)) = l.subject_id"
                    + " WHERE l.occurred_at >= ? AND l.action IN ('HIDE', 'RESTORE', 'DISMISS')")
            .setParameter(1, since)
            .getResultList();
    for (Object[] r : delayRows) {
      Instant decided = Rows.instant(r[0]);
      delays
          .computeIfAbsent(YearMonth.from(decided.atOffset(ZoneOffset.UTC)), k -> new ArrayList<>())
          .add(Duration.between(Rows.instant(r[1]), decided).toSeconds() / 3600.0);
    }
    for (var m = now; !m.isBefore(from); m = m.minusMonths(1)) {
      result.add(
          new Month(
              m.getYear(),
              m.getMonthValue(),
              reports.getOrDefault(m, Map.of()),
              decisions.getOrDefault(m, Map.of()),
              automatic.getOrDefault(m, 0L),
              human.getOrDefault(m, 0L),
              median(delays.get(m))));
    }
    return result;
  }

  private static Double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    var sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static YearMonth month(Object year, Object month) {
    return YearMonth.of(((Number) year).intValue(), ((Number) month).intValue());
  }
}
