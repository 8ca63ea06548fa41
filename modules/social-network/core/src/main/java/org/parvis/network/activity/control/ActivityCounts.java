package org.parvis.network.activity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.api.NetworkActivity;

/**
 * Counts the network's activity per Paris day into {@code activity_daily}, and reads them back for
 * the console. The job recounts from the day before the last one counted to today (the first run
 * counts everything), so a dashboard over a year reads 365 rows per metric, whatever the number of
 * signatures behind them.
 */
@ApplicationScoped
@Transactional
public class ActivityCounts implements NetworkActivity {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static final int MAX_DAYS_PER_RUN = 366;

  /** Each metric's table, timestamp column and condition (fixed SQL, never from users). */
  private static final Map<Metric, String[]> SOURCES = new EnumMap<>(Metric.class);

  static {
    SOURCES.put(Metric.MEMBERS, new String[] {"member_account", "created_at", "erased_at IS NULL"});
    SOURCES.put(
        Metric.CONFIRMED,
        new String[] {"member_account", "email_confirmed_at", "erased_at IS NULL"});
    SOURCES.put(Metric.INITIATIVES, new String[] {"initiative", "published_at", "1 = 1"});
    SOURCES.put(Metric.SIGNATURES, new String[] {"initiative_signature", "signed_at", "1 = 1"});
    SOURCES.put(Metric.JOINS, new String[] {"initiative_participant", "joined_at", "1 = 1"});
    SOURCES.put(Metric.COMMENTS, new String[] {"initiative_comment", "created_at", "1 = 1"});
    SOURCES.put(Metric.ANSWERS, new String[] {"official_answer", "answered_at", "1 = 1"});
  }

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * Recounts every metric from the day before the last one counted to today (everything on the
   * first run); days without activity are stored as 0. Returns the number of days recounted.
   */
  public int refresh() {
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    Object last = em.createNativeQuery("SELECT MAX(on_day) FROM activity_daily").getSingleResult();
    LocalDate from = last == null ? firstDay(today) : Rows.localDate(last).minusDays(1);
    // A first run over years of history goes a year at a time; the next runs carry on from there.
    LocalDate to =
        from.plusDays(MAX_DAYS_PER_RUN - 1L).isBefore(today)
            ? from.plusDays(MAX_DAYS_PER_RUN - 1L)
            : today;
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    for (var source : SOURCES.entrySet()) {
      String[] s = source.getValue();
      // One indexed range count per Paris day: exact whatever the offset (23:30 UTC is already
      // tomorrow in Paris), the same SQL on H2 and PostgreSQL.
      var count =
          em.createNativeQuery(
              "SELECT COUNT(*) FROM "
                  + s[0]
                  + " WHERE "
                  + s[1]
                  + " >= ? AND "
                  + s[1]
                  + " < ? AND "
                  + s[2]);
      long[] counts = new long[days];
      for (int i = 0; i < days; i++) {
        LocalDate day = from.plusDays(i);
        counts[i] =
            ((Number)
                    count
                        .setParameter(1, start(day))
                        .setParameter(2, start(day.plusDays(1)))
                        .getSingleResult())
                .longValue();
      }
      String metric = source.getKey().name();
      em.createNativeQuery("DELETE FROM activity_daily WHERE metric = ? AND on_day >= ?")
          .setParameter(1, metric)
          .setParameter(2, from)
          .executeUpdate();
      for (int i = 0; i < days; i++) {
        em.createNativeQuery("INSERT INTO activity_daily (on_day, metric, total) VALUES (?, ?, ?)")
            .setParameter(1, from.plusDays(i))
            .setParameter(2, metric)
            .setParameter(3, counts[i])
            .executeUpdate();
      }
    }
    return days;
  }

  private static java.time.OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay(PARIS).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The first day with any account: where the first count starts. */
  private LocalDate firstDay(LocalDate today) {
    Object first =
        em.createNativeQuery("SELECT MIN(created_at) FROM member_account").getSingleResult();
    return first == null ? today : LocalDate.ofInstant(Rows.instant(first), PARIS);
  }

  @Override
  public Map<Metric, long[]> daily(LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    var series = new EnumMap<Metric, long[]>(Metric.class);
    for (Metric metric : Metric.values()) {
      series.put(metric, new long[Math.max(0, days)]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT metric, on_day, total FROM activity_daily WHERE on_day >= ? AND on_day <= ?")
            .setParameter(1, from)
            .setParameter(2, to)
            .getResultList();
    for (Object[] row : rows) {
      Metric metric;
      try {
        metric = Metric.valueOf((String) row[0]);
      } catch (IllegalArgumentException e) {
        continue; // a metric of a later version
      }
      long index = ChronoUnit.DAYS.between(from, Rows.localDate(row[1]));
      if (index >= 0 && index < days) {
        series.get(metric)[(int) index] = ((Number) row[2]).longValue();
      }
    }
    return series;
  }

  @Override
  public Answers answers(LocalDate from, LocalDate to) {
    var lower = from.atStartOfDay(PARIS).toOffsetDateTime();
    var upper = to.plusDays(1).atStartOfDay(PARIS).toOffsetDateTime();
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COUNT(answered_at) FROM initiative_routing"
                        + " WHERE routed_at >= ? AND routed_at < ?")
                .setParameter(1, lower)
                .setParameter(2, upper)
                .getSingleResult();
    // The median (the middle two averaged, as officials' profiles count it), computed by the
    // database: a year may hold tens of thousands of answers.
    Object delay =
        em.createNativeQuery(
                "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY delay_seconds)"
                    + " FROM official_answer WHERE answered_at >= ? AND answered_at < ?")
            .setParameter(1, lower)
            .setParameter(2, upper)
            .getSingleResult();
    Long median = delay == null ? null : (long) ((Number) delay).doubleValue() / 3600;
    return new Answers(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), median);
  }

  @Override
  public List<Waiting> waitingLongest(int max) {
    // Oldest first, read backwards along initiative_new (status, published_at DESC, id): the scan
    // stops at the first rows that qualify instead of sorting every open initiative.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT i.id, i.title, i.published_at FROM initiative i"
                    + " WHERE i.status = 'PUBLISHED' AND i.answered_at IS NULL"
                    + " AND i.hidden_at IS NULL AND EXISTS (SELECT 1 FROM initiative_routing r"
                    + " WHERE r.initiative_id = i.id) ORDER BY i.published_at, i.id DESC"
                    + Rows.page(0, Math.max(1, Math.min(max, 50))))
            .getResultList();
    var waiting = new ArrayList<Waiting>(rows.size());
    for (Object[] r : rows) {
      waiting.add(new Waiting(((Number) r[0]).longValue(), (String) r[1], Rows.instant(r[2])));
    }
    return waiting;
  }

  @Override
  public void eachInitiative(java.util.function.Consumer<InitiativeLine> sink) {
    @SuppressWarnings("unchecked")
    java.util.stream.Stream<Object[]> rows =
        em.createNativeQuery(
                INITIATIVE_COLUMNS
                    + " WHERE published_at IS NOT NULL AND status <> 'WITHDRAWN' ORDER BY id")
            .setHint("eclipselink.jdbc.fetch-size", 500)
            .getResultStream();
    try (rows) {
      rows.forEach(r -> sink.accept(initiativeLine(r)));
    }
  }

  /** The columns of an {@link InitiativeLine}, in the order {@link #initiativeLine} reads them. */
  private static final String INITIATIVE_COLUMNS =
      "SELECT id, title, status, theme, scope_kind, scope_code, scope_name, published_at,"
          + " deadline, signature_count, signature_goal, comment_count, answered_at, hidden_at"
          + " FROM initiative";

  private static InitiativeLine initiativeLine(Object[] r) {
    return new InitiativeLine(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        Rows.instant(r[7]),
        Rows.localDate(r[8]),
        ((Number) r[9]).longValue(),
        r[10] == null ? null : ((Number) r[10]).intValue(),
        ((Number) r[11]).longValue(),
        Rows.instant(r[12]),
        r[13] != null);
  }

  @Override
  public List<InitiativeLine> initiatives(InitiativeFilter filter, int first, int size) {
    var parameters = new ArrayList<Object>();
    String order =
        switch (filter.order()) {
          case OLDEST -> " ORDER BY published_at, id";
          case SIGNATURES -> " ORDER BY signature_count DESC, id";
          case RECENT -> " ORDER BY published_at DESC, id DESC";
        };
    var query =
        em.createNativeQuery(
            INITIATIVE_COLUMNS
                + where(filter, parameters)
                + order
                + Rows.page(first, Math.min(Math.max(1, size), 101)));
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(ActivityCounts::initiativeLine).toList();
  }

  @Override
  public long countInitiatives(InitiativeFilter filter) {
    var parameters = new ArrayList<Object>();
    var query = em.createNativeQuery("SELECT COUNT(*) FROM initiative" + where(filter, parameters));
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return Rows.number(query.getSingleResult());
  }

  /** The conditions of a filter, its values added to {@code parameters} in their order. */
  private static String where(InitiativeFilter filter, List<Object> parameters) {
    var where = new StringBuilder(" WHERE published_at IS NOT NULL");
    String words = Rows.containing(filter.search());
    if (words != null) {
      where.append(" AND LOWER(title) LIKE ?");
      parameters.add(words);
    }
    if (filter.state() != null) {
      switch (filter.state()) {
        case HIDDEN -> where.append(" AND hidden_at IS NOT NULL");
        case OPEN -> where.append(" AND status = 'PUBLISHED' AND hidden_at IS NULL");
        default -> {
          where.append(" AND status = ?");
          parameters.add(filter.state().name());
        }
      }
    }
    if (filter.scopeKind() != null
        && List.of("COMMUNE", "DEPARTEMENT", "REGION", "NATIONAL").contains(filter.scopeKind())) {
      where.append(" AND scope_kind = ?");
      parameters.add(filter.scopeKind());
    }
    if (filter.unanswered()) {
      where.append(" AND answered_at IS NULL");
    }
    return where.toString();
  }

  @Override
  public List<PlaceCount> signaturesByCommune(Long initiativeId) {
    var query =
        em.createNativeQuery(
            "SELECT c.departement_code, d.name, c.code, c.name, COUNT(*)"
                + " FROM initiative_signature s JOIN member_account m ON m.id = s.member_id"
                + " JOIN territory_commune c ON c.code = m.commune_code"
                + " LEFT JOIN territory_departement d ON d.code = c.departement_code"
                + (initiativeId == null ? "" : " WHERE s.initiative_id = ?")
                + " GROUP BY c.departement_code, d.name, c.code, c.name"
                + " ORDER BY c.departement_code, c.name");
    if (initiativeId != null) {
      query.setParameter(1, initiativeId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    var counts = new ArrayList<PlaceCount>(rows.size());
    for (Object[] r : rows) {
      long count = ((Number) r[4]).longValue();
      counts.add(
          new PlaceCount(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              count < SMALLEST_COUNT ? null : count));
    }
    return counts;
  }

  @Override
  public List<OfficialLine> officials(LocalDate day) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                // Counted as the official's public profile counts them (OfficialRouting
                // .responsiveness): answers given, initiatives routed (at least as many), the
                // median
                // of the last 1,000 answers' delays.
                "SELECT m.handle, m.display_name, o.title, o.territory_kind, o.territory_code,"
                    + " o.territory_name, o.ends_on, COALESCE(r.routed, 0), COALESCE(n.answered, 0),"
                    + " a.median_delay FROM official_mandate o"
                    + " JOIN member_account m ON m.id = o.member_id"
                    + " LEFT JOIN (SELECT official_id, COUNT(*) AS routed FROM initiative_routing"
                    + " GROUP BY official_id) r ON r.official_id = o.member_id"
                    + " LEFT JOIN (SELECT official_id, COUNT(*) AS answered FROM official_answer"
                    + " GROUP BY official_id) n ON n.official_id = o.member_id"
                    + " LEFT JOIN (SELECT official_id,"
                    + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY delay_seconds) AS median_delay"
                    + " FROM (SELECT official_id, delay_seconds, ROW_NUMBER() OVER (PARTITION BY"
                    + " official_id ORDER BY answered_at DESC) AS recent FROM official_answer) x"
                    + " WHERE recent <= 1000 GROUP BY official_id) a ON a.official_id = o.member_id"
                    + " WHERE o.revoked_at IS NULL AND o.ends_on >= ? AND m.erased_at IS NULL"
                    + " ORDER BY o.territory_kind, o.territory_name, m.display_name, o.id")
            .setParameter(1, day)
            .getResultList();
    var lines = new ArrayList<OfficialLine>(rows.size());
    for (Object[] r : rows) {
      lines.add(
          new OfficialLine(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              Rows.localDate(r[6]),
              Math.max(((Number) r[7]).longValue(), ((Number) r[8]).longValue()),
              ((Number) r[8]).longValue(),
              r[9] == null ? null : (long) ((Number) r[9]).doubleValue() / 3600));
    }
    return lines;
  }
}
