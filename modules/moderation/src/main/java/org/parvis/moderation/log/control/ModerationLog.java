package org.parvis.moderation.log.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.parvis.moderation.log.entity.ModerationLogEntry;

/** The append-only audit log of moderation actions. */
@ApplicationScoped
@Transactional
public class ModerationLog {

  /** Pages never exceed this many entries, whatever the caller asks. */
  public static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Transactional
  public ModerationLogEntry record(
      String actor, String action, String subjectType, String subjectId, String reason) {
    var entry =
        new ModerationLogEntry(clock.instant(), actor, action, subjectType, subjectId, reason);
    em.persist(entry);
    return entry;
  }

  /** Newest first. */
  public List<ModerationLogEntry> latest(int first, int size) {
    return em.createNamedQuery(ModerationLogEntry.LATEST, ModerationLogEntry.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultList();
  }

  /** Every action on one item, newest first. */
  public List<ModerationLogEntry> of(String subjectType, String subjectId, int first, int size) {
    return em.createNamedQuery(ModerationLogEntry.OF_SUBJECT, ModerationLogEntry.class)
        .setParameter("type", subjectType)
        .setParameter("id", subjectId)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultList();
  }
}
