package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.entity.MemberAccount;

/**
 * What a member did in public (initiatives published, comments, formal answers), newest first:
 * their profile's feed. Signatures and follows are not public.
 */
@ApplicationScoped
@Transactional
public class PublicActivity {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** One public act: {@code kind} INITIATIVE, COMMENT or ANSWER; {@code id} of the act itself. */
  public record Act(
      String kind,
      long id,
      long initiativeId,
      String initiativeTitle,
      String text,
      java.time.Instant at) {}

  /** The member's latest public acts, at most {@code limit}: three indexed statements. */
  public List<Act> of(String handle, int limit) {
    String who = MemberAccount.normalizeHandle(handle);
    var acts = new ArrayList<Act>();
    acts.addAll(
        acts(
            "INITIATIVE",
            "SELECT i.id, i.id, i.title, i.description, i.published_at FROM initiative i"
                + " JOIN member_account m ON m.id = i.author_id WHERE m.handle = ?"
                + " AND i.status <> 'DRAFT' AND i.hidden_at IS NULL ORDER BY i.created_at DESC",
            who,
            limit));
    acts.addAll(
        acts(
            "COMMENT",
            "SELECT c.id, i.id, i.title, c.body, c.created_at FROM initiative_comment c"
                + " JOIN member_account m ON m.id = c.author_id"
                + " JOIN initiative i ON i.id = c.initiative_id WHERE m.handle = ?"
                + " AND c.hidden_at IS NULL AND i.hidden_at IS NULL ORDER BY c.created_at DESC",
            who,
            limit));
    acts.addAll(
        acts(
            "ANSWER",
            "SELECT a.id, i.id, i.title, a.body, a.answered_at FROM official_answer a"
                + " JOIN member_account m ON m.id = a.official_id"
                + " JOIN initiative i ON i.id = a.initiative_id WHERE m.handle = ?"
                + " AND a.hidden_at IS NULL AND i.hidden_at IS NULL ORDER BY a.answered_at DESC",
            who,
            limit));
    return acts.stream().sorted(Comparator.comparing(Act::at).reversed()).limit(limit).toList();
  }

  private List<Act> acts(String kind, String sql, String handle, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(sql + " LIMIT " + Math.max(1, Math.min(limit, 100)))
            .setParameter(1, handle)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Act(
                    kind,
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    Initiatives.excerpt((String) r[3]),
                    Rows.instant(r[4])))
        .toList();
  }
}
