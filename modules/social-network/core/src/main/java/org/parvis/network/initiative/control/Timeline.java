package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;

/**
 * The public history of an initiative (published, edited, milestones, answers, counter-initiatives,
 * its end), which its feed shows. Written in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class Timeline {

  /** What can happen to an initiative. */
  public enum Kind {
    PUBLISHED,
    EDITED,
    MILESTONE_25,
    MILESTONE_50,
    MILESTONE_75,
    MILESTONE_100,
    ANSWER,
    COUNTER,
    ACHIEVED,
    CLOSED,
    WITHDRAWN
  }

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** Records an event; {@code ref} is the answer's or the counter-initiative's id, or null. */
  public void record(long initiativeId, Kind kind, Long ref, Instant at) {
    em.createNativeQuery(
            "INSERT INTO initiative_event (initiative_id, kind, happened_at, ref_id)"
                + " VALUES (?, ?, ?, CAST(? AS BIGINT))")
        .setParameter(1, initiativeId)
        .setParameter(2, kind.name())
        .setParameter(3, at.atOffset(ZoneOffset.UTC))
        .setParameter(4, ref)
        .executeUpdate();
  }

  /** An event of the history; {@code id} is stable (feeds use it). */
  public record Event(long id, Kind kind, Instant at, Long ref) {}

  /** The latest events, newest first. */
  public List<Event> latest(long initiativeId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, kind, happened_at, ref_id FROM initiative_event"
                    + " WHERE initiative_id = ? ORDER BY happened_at DESC, id DESC LIMIT "
                    + Math.max(1, Math.min(limit, 200)))
            .setParameter(1, initiativeId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Event(
                    ((Number) r[0]).longValue(),
                    Kind.valueOf((String) r[1]),
                    Rows.instant(r[2]),
                    r[3] == null ? null : ((Number) r[3]).longValue()))
        .toList();
  }
}
