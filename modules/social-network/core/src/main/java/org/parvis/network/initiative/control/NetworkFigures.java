package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The live figures of the network's home page: initiatives open, signatures of the last seven days,
 * officials' answers since the first of the month (Paris time). Three counting statements, run at
 * most once a minute whatever the traffic: the home page is the most read page of all.
 */
@ApplicationScoped
@Transactional
public class NetworkFigures {

  private static final Duration FRESH_FOR = Duration.ofMinutes(1);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  private volatile Figures last;

  /** What the network counts now. */
  public record Figures(
      long openInitiatives, long signaturesThisWeek, long answersThisMonth, Instant at) {}

  /** The figures, counted again when older than a minute. */
  public Figures now() {
    var known = last;
    Instant now = clock.instant();
    if (known != null && known.at().plus(FRESH_FOR).isAfter(now)) {
      return known;
    }
    var monthStart =
        now.atZone(PARIS).toLocalDate().withDayOfMonth(1).atStartOfDay(PARIS).toOffsetDateTime();
    var counted =
        new Figures(
            count(
                "SELECT COUNT(*) FROM initiative WHERE status = 'PUBLISHED' AND hidden_at IS NULL",
                null),
            count(
                "SELECT COUNT(*) FROM initiative_signature WHERE signed_at >= ?",
                now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC)),
            count(
                "SELECT COUNT(*) FROM official_answer WHERE answered_at >= ? AND hidden_at IS NULL",
                monthStart),
            now);
    last = counted;
    return counted;
  }

  private long count(String sql, Object since) {
    var query = em.createNativeQuery(sql);
    if (since != null) {
      query.setParameter(1, since);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
