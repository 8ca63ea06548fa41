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
public class Leaderboards implements org.parvis.network.api.Standings {

  public static final int SIZE = 20;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Members members;

  Clock clock = Clock.systemUTC();

  /** A ranking period: the last 7 days, the last 30 days, or since the beginning. */
  public enum Period {
    WEEK(7),
    MONTH(30),
    ALL(0);

    private final int days;

    Period(int days) {
      this.days = days;
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
   * The members who earned most points in the territory (where they lived when they earned them)
   * during the period: one statement.
   */
  public List<MemberStanding> members(Territory territory, Period period) {
    var since = period.since(clock);
    String place = place("p", territory);
    var sql =
        "SELECT m.handle, m.display_name, SUM(p.points) AS total FROM member_points_daily p"
            + " JOIN member_account m ON m.id = p.member_id"
            + " WHERE m.hidden_from_rankings_at IS NULL AND m.frozen_at IS NULL"
            + (since == null ? "" : " AND p.on_day >= ?")
            + (place == null ? "" : " AND " + place)
            + " GROUP BY m.handle, m.display_name HAVING SUM(p.points) > 0"
            + " ORDER BY total DESC, m.handle LIMIT "
            + SIZE;
    var query = em.createNativeQuery(sql);
    int n = 1;
    if (since != null) {
      query.setParameter(n++, since);
    }
    if (place != null) {
      query.setParameter(n, territory.code());
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
    var sql =
        "SELECT m.handle, m.display_name, COUNT(*) AS routed, COUNT(r.answered_at) AS answered,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.delay_seconds) AS median"
            + " FROM initiative_routing r JOIN initiative i ON i.id = r.initiative_id"
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

  /** A territory and how much happened there during the period. */
  public record TerritoryActivity(String kind, String code, String name, long points) {}

  /** The départements where initiatives earned most points during the period: one statement. */
  public List<TerritoryActivity> territories(Period period, int limit) {
    var since = period.since(clock);
    var query =
        em.createNativeQuery(
            "SELECT t.code, t.name, SUM(d.points) AS total FROM initiative_points_daily d"
                + " JOIN initiative i ON i.id = d.initiative_id"
                + " JOIN territory_departement t ON t.code = i.departement_code"
                + (since == null ? "" : " WHERE d.on_day >= ?")
                + " GROUP BY t.code, t.name ORDER BY total DESC, t.code LIMIT "
                + Math.min(Math.max(1, limit), 100));
    if (since != null) {
      query.setParameter(1, since);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
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
