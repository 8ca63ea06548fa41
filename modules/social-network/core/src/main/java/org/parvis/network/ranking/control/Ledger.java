package org.parvis.network.ranking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Writes what members do into the activity ledger ({@code signature_tally}), in the caller's
 * transaction: one INSERT, never an UPDATE of a shared row, so that acting stays as fast as
 * signing. Points are weighted by the actor's {@linkplain Ranking#trust trust} in the same
 * statement; {@code Petitions.rollUp} folds the ledger into the rankings every few seconds.
 */
@ApplicationScoped
@Transactional
public class Ledger {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * A signature (+1) or its withdrawal (−1) by the member with the normalised handle: the
   * initiative gets the signer's trust and its author the same, unless the author signs their own.
   */
  public void signature(long initiativeId, String handle, int delta) {
    var now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO signature_tally (initiative_id, delta, points, member_id, member_points)"
                + " SELECT i.id, CAST(? AS SMALLINT), CAST(? AS DOUBLE PRECISION) * s.w, i.author_id,"
                + " CASE WHEN i.author_id = s.id THEN 0 ELSE CAST(? AS DOUBLE PRECISION) * s.w END"
                + " FROM initiative i, ("
                + TRUST
                + " WHERE m.handle = ?) s WHERE i.id = ?")
        .setParameter(1, delta)
        .setParameter(2, delta * Ranking.SIGNATURE)
        .setParameter(3, delta * Ranking.SIGNATURE)
        .setParameter(4, now.minus(Ranking.RECENT_ACCOUNT).atOffset(ZoneOffset.UTC))
        .setParameter(5, now.minus(Ranking.NEW_ACCOUNT).atOffset(ZoneOffset.UTC))
        .setParameter(6, handle)
        .setParameter(7, initiativeId)
        .executeUpdate();
  }

  /**
   * Something the member {@code actorId} did on an initiative: {@code points} for the initiative,
   * {@code memberPoints} for the member {@code creditedId} (may be null), both times the actor's
   * trust.
   */
  public void record(
      long initiativeId, long actorId, double points, Long creditedId, double memberPoints) {
    var now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO signature_tally (initiative_id, delta, points, member_id, member_points)"
                + " SELECT CAST(? AS BIGINT), 0, CAST(? AS DOUBLE PRECISION) * s.w, CAST(? AS BIGINT),"
                + " CAST(? AS DOUBLE PRECISION) * s.w FROM ("
                + TRUST
                + " WHERE m.id = ?) s")
        .setParameter(1, initiativeId)
        .setParameter(2, points)
        .setParameter(3, creditedId)
        .setParameter(4, creditedId == null ? 0 : memberPoints)
        .setParameter(5, now.minus(Ranking.RECENT_ACCOUNT).atOffset(ZoneOffset.UTC))
        .setParameter(6, now.minus(Ranking.NEW_ACCOUNT).atOffset(ZoneOffset.UTC))
        .setParameter(7, actorId)
        .executeUpdate();
  }

  /** Marks a member whose badges may have changed outside the ledger (a new follower). */
  public void badgesDue(long memberId) {
    em.createNativeQuery(
            "INSERT INTO member_badge_due (member_id) VALUES (?) ON CONFLICT DO NOTHING")
        .setParameter(1, memberId)
        .executeUpdate();
  }

  /** The actor's id and trust; parameters: the two age limits. */
  private static final String TRUST =
      "SELECT m.id, CASE WHEN m.created_at <= ? THEN 1 WHEN m.created_at <= ? THEN "
          + Ranking.RECENT_TRUST
          + " ELSE "
          + Ranking.NEW_TRUST
          + " END AS w FROM member_account m";
}
