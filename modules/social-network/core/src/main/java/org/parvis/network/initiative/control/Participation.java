package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.territory.entity.Territory;

/**
 * Where members stand on the participation ladder, from what they actually did, and who takes part
 * most in a territory.
 */
@ApplicationScoped
@Transactional
public class Participation {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** The rungs of the ladder, lowest first. */
  public enum Level {
    /** Reads, follows. */
    SPECTATOR,
    /** Signed or joined an initiative. */
    JOINER,
    /** Took part in a debate. */
    CRITIC,
    /** Published an initiative. */
    CREATOR
  }

  /** The highest rung the member reached: one statement. */
  public Level level(String handle) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT COUNT(*) FROM initiative i WHERE i.author_id = m.id"
                        + " AND i.status <> 'DRAFT'),"
                        + " (SELECT COUNT(*) FROM initiative_comment c WHERE c.author_id = m.id),"
                        + " (SELECT COUNT(*) FROM initiative_signature s WHERE s.member_id = m.id)"
                        + " + (SELECT COUNT(*) FROM initiative_participant p"
                        + " WHERE p.member_id = m.id)"
                        + " FROM member_account m WHERE m.handle = ?")
                .setParameter(1, MemberAccount.normalizeHandle(handle))
                .getResultStream()
                .findFirst()
                .orElse(new Object[] {0, 0, 0});
    if (((Number) row[0]).longValue() > 0) {
      return Level.CREATOR;
    }
    if (((Number) row[1]).longValue() > 0) {
      return Level.CRITIC;
    }
    return ((Number) row[2]).longValue() > 0 ? Level.JOINER : Level.SPECTATOR;
  }

  /** A member who took part in a territory, with their number of contributions. */
  public record Contributor(String handle, String displayName, long contributions) {}

  /**
   * The members who wrote the most initiatives and comments on the territory's initiatives over the
   * last 90 days, leaving out those who chose to stay out of rankings.
   */
  public List<Contributor> mostActive(Territory territory, int limit) {
    String column =
        switch (territory.kind()) {
          case "COMMUNE" -> "i.commune_code = ?";
          case "DEPARTEMENT" -> "i.departement_code = ?";
          case "REGION" -> "i.region_code = ?";
          default -> "i.scope_kind = ?";
        };
    Object code = territory.code() == null ? "NATIONAL" : territory.code();
    var since = clock.instant().minus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.handle, m.display_name, COUNT(*) AS n FROM ("
                    + " SELECT i.author_id AS member_id FROM initiative i WHERE "
                    + column
                    + " AND i.status <> 'DRAFT' AND i.published_at >= ?"
                    + " UNION ALL SELECT c.author_id FROM initiative_comment c JOIN initiative i"
                    + " ON i.id = c.initiative_id WHERE "
                    + column
                    + " AND c.created_at >= ?) a JOIN member_account m ON m.id = a.member_id"
                    + " WHERE m.hidden_from_rankings_at IS NULL"
                    + " GROUP BY m.handle, m.display_name ORDER BY n DESC, m.handle"
                    + Rows.page(0, Math.min(Math.max(1, limit), 50)))
            .setParameter(1, code)
            .setParameter(2, since)
            .setParameter(3, code)
            .setParameter(4, since)
            .getResultList();
    return rows.stream()
        .map(r -> new Contributor((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }
}
