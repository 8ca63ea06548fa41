package org.parvis.moderation.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.network.api.MemberErased;

/**
 * Moderation's part of a member's erasure, in the network's erasing transaction: the texts it kept
 * of them (training samples, their words in reports and appeals) go; the ids that remain designate
 * an anonymous tombstone, and the counts and the public log stay exact.
 */
@ApplicationScoped
@Transactional
public class ErasedMembers {

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  void erase(@Observes MemberErased erased) {
    for (String sql :
        List.of(
            "DELETE FROM moderation_training WHERE author_id = ?",
            "UPDATE moderation_report SET details = NULL WHERE reporter_id = ?",
            "UPDATE moderation_appeal SET text = '' WHERE author_id = ?")) {
      em.createNativeQuery(sql).setParameter(1, erased.memberId()).executeUpdate();
    }
  }
}
