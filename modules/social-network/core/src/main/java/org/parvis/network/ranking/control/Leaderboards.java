package org.parvis.network.ranking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parvis.network.member.control.Members;
import org.parvis.network.member.entity.MemberSecurityEvent;
import org.parvis.network.territory.entity.Territory;

/**
 * Leaderboards of members (points earned, see {@link Ranking}) and of officials (responsiveness) by
 * territory and period. Members who chose to stay out of rankings never appear; the choice is
 * theirs at any time from their account page.
 */
@ApplicationScoped
@Transactional
public class Leaderboards implements org.parvis.network.api.Standings {

  public static final int SIZE = 20;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject org.parvis.network.privacy.control.Consents consents;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Members members;

  Clock clock = Clock.systemUTC();

  /** A ranking period: the last 7 days, the last 30 days, or since the beginning. */
  public enum Period {
    WEEK(7, "points_week"),
    MONTH(30, "points_month"),
    ALL(0, "points_total");

    private final int days;
    private final String column;

    Period(int days, String column) {
      this.days = days;
      this.column = column;
    }

    /** The member_account column that holds the period's points. */
    String column() {
      return column;
    }

    public static Period of(String name) {
      try {
        return valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return MONTH;
      }
    }

    /** The first day counted (Paris), or null for all time. */
    LocalDate since(Clock clock) {
      return days == 0 ? null : LocalDate.now(clock.withZone(PARIS)).minusDays(days - 1L);
    }
  }

  /** A member's place. */
  public record MemberStanding(int rank, String handle, String displayName, long points) {}

  /**
   * The members living in the territory who earned most points during the period (kept on their
   * account by the roll-up: one index per period), leaving out those who chose to stay out and
   * frozen accounts: one statement.
   */
  public List<MemberStanding> members(Territory territory, Period period) {
    String column = period.column();
    String place =
        switch (territory == null ? "NATIONAL" : territory.kind()) {
          case "COMMUNE" -> " AND m.commune_code = ?";
          case "DEPARTEMENT" -> " AND c.departement_code = ?";
          case "REGION" -> " AND c.region_code = ?";
          default -> "";
        };
    var query =
        em.createNativeQuery(
            "SELECT m.handle, m.display_name, m."
                + column
                + " FROM member_account m"
                + (place.contains("c.")
                    ? " JOIN territory_commune c ON c.code = m.commune_code"
                    : "")
                + " WHERE m."
                + column
                + " > 0.001 AND m.hidden_from_rankings_at IS NULL AND m.frozen_at IS NULL"
                + place
                + " ORDER BY m."
                + column
                + " DESC, m.handle LIMIT "
                + SIZE);
    if (!place.isEmpty()) {
      query.setParameter(1, territory.code());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    var standings = new java.util.ArrayList<MemberStanding>();
    for (Object[] r : rows) {
      standings.add(
          new MemberStanding(
              standings.size() + 1,
              (String) r[0],
              (String) r[1],
              Math.round(((Number) r[2]).doubleValue())));
    }
    return standings;
  }

  /** An official's place: initiatives routed to them in the period, answered, median delay. */
  public record OfficialStanding(
      int rank, String handle, String displayName, long routed, long answered, Duration median) {

    /** Share of routed initiatives answered, 0–100. */
    public int percent() {
      return routed == 0 ? 0 : (int) (answered * 100 / routed);
    }
  }

  /**
   * The officials who answered the largest share of the initiatives of the territory routed to them
   * during the period, then the most, then the fastest: one statement.
   */
  public List<OfficialStanding> officials(Territory territory, Period period) {
    var since = period.since(clock);
    String place = place("i", territory);
    if (since == null && place == null) {
      return officialsAllTime();
    }
    var sql =
        "SELECT m.handle, m.display_name, COUNT(*) AS routed, COUNT(r.answered_at) AS answered,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.delay_seconds) AS median"
            + " FROM initiative_routing r"
            + (place == null ? "" : " JOIN initiative i ON i.id = r.initiative_id")
            + " JOIN member_account m ON m.id = r.official_id"
            + " LEFT JOIN official_answer a ON a.initiative_id = r.initiative_id"
            + " AND a.official_id = r.official_id"
            + " WHERE m.hidden_from_rankings_at IS NULL"
            + (since == null ? "" : " AND r.routed_at >= ?")
            + (place == null ? "" : " AND " + place)
            + " GROUP BY m.handle, m.display_name"
            + " ORDER BY COUNT(r.answered_at) * 1.0 / COUNT(*) DESC, COUNT(r.answered_at) DESC,"
            + " median, m.handle LIMIT "
            + SIZE;
    var query = em.createNativeQuery(sql);
    int n = 1;
    if (since != null) {
      query.setParameter(n++, since.atStartOfDay(PARIS).toOffsetDateTime());
    }
    if (place != null) {
      query.setParameter(n, territory.code());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    var standings = new java.util.ArrayList<OfficialStanding>();
    for (Object[] r : rows) {
      standings.add(
          new OfficialStanding(
              standings.size() + 1,
              (String) r[0],
              (String) r[1],
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              r[4] == null ? null : Duration.ofSeconds(Math.round(((Number) r[4]).doubleValue()))));
    }
    return standings;
  }

  /**
   * All officials since the beginning, from their running counts (an index on the routed count
   * keeps it to the officials), then the median delay of the twenty shown: two statements.
   */
  private List<OfficialStanding> officialsAllTime() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.id, m.handle, m.display_name, m.routed_count, m.answered_count"
                    + " FROM member_account m WHERE m.routed_count > 0"
                    + " AND m.hidden_from_rankings_at IS NULL"
                    + " ORDER BY m.answered_count * 1.0 / m.routed_count DESC,"
                    + " m.answered_count DESC, m.handle LIMIT "
                    + SIZE)
            .getResultList();
    var medians = new java.util.HashMap<Long, Duration>();
    if (!rows.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> delays =
          em.createNativeQuery(
                  "SELECT a.official_id, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY"
                      + " a.delay_seconds) FROM official_answer a WHERE a.official_id IN ("
                      + String.join(
                          ",",
                          rows.stream()
                              .map(r -> String.valueOf(((Number) r[0]).longValue()))
                              .toList())
                      + ") GROUP BY a.official_id")
              .getResultList();
      delays.forEach(
          d ->
              medians.put(
                  ((Number) d[0]).longValue(),
                  Duration.ofSeconds(Math.round(((Number) d[1]).doubleValue()))));
    }
    var standings = new java.util.ArrayList<OfficialStanding>();
    for (Object[] r : rows) {
      standings.add(
          new OfficialStanding(
              standings.size() + 1,
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue(),
              medians.get(((Number) r[0]).longValue())));
    }
    return standings;
  }

  /** A territory and how much happened there during the period. */
  public record TerritoryActivity(String kind, String code, String name, long points) {}

  /**
   * The départements where initiatives earned most points during the period (the initiatives' own
   * running sums, one pass over the initiatives): one statement.
   */
  public List<TerritoryActivity> territories(Period period, int limit) {
    String column = period == Period.ALL ? "points" : period.column();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT t.code, t.name, SUM(i."
                    + column
                    + ") AS total FROM initiative i"
                    + " JOIN territory_departement t ON t.code = i.departement_code"
                    + " WHERE i."
                    + column
                    + " > 0 GROUP BY t.code, t.name ORDER BY total DESC, t.code LIMIT "
                    + Math.min(Math.max(1, limit), 100))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new TerritoryActivity(
                    "DEPARTEMENT",
                    (String) r[0],
                    (String) r[1],
                    Math.round(((Number) r[2]).doubleValue())))
        .toList();
  }

  @Override
  public Activity mostActive(String period) {
    var p = Period.of(period);
    var nation = new Territory("NATIONAL", null, "France", null, null, null);
    return new Activity(
        territories(p, SIZE).stream().map(t -> new Place(t.code(), t.name(), t.points())).toList(),
        members(nation, p).stream()
            .map(m -> new Person(m.handle(), m.displayName(), m.points()))
            .toList(),
        officials(nation, p).stream()
            .map(
                o ->
                    new Official(
                        o.handle(),
                        o.displayName(),
                        o.routed(),
                        o.answered(),
                        o.median() == null ? null : o.median().toHours()))
            .toList());
  }

  /** Whether the member appears in rankings. */
  public boolean inRankings(String handle) {
    return members.confirmed(handle).map(m -> m.inRankings()).orElse(false);
  }

  /**
   * The member leaves the rankings or comes back; the choice is logged among their security events
   * (which they see).
   *
   * @return empty when done, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> setInRankings(String handle, boolean in, String address) {
    var member = members.confirmed(handle);
    if (member.isEmpty()) {
      return Optional.of("initiative.member.unknown");
    }
    var now = clock.instant();
    member.get().rankings(in, now);
    consents.record(
        member.get().id(), org.parvis.network.privacy.control.Consents.PUBLIC_RANKINGS, in, now);
    em.persist(
        new MemberSecurityEvent(
            member.get(),
            now,
            in ? MemberSecurityEvent.Kind.RANKINGS_JOINED : MemberSecurityEvent.Kind.RANKINGS_LEFT,
            address,
            null));
    return Optional.empty();
  }

  /** The condition that keeps rows of the territory ({@code alias} has the territory columns). */
  private static String place(String alias, Territory territory) {
    return switch (territory == null ? "NATIONAL" : territory.kind()) {
      case "COMMUNE" -> alias + ".commune_code = ?";
      case "DEPARTEMENT" -> alias + ".departement_code = ?";
      case "REGION" -> alias + ".region_code = ?";
      default -> null;
    };
  }
}
