package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import org.parvis.network.api.MemberSanction;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberSecurityEvent;

/**
 * Applies moderators' sanctions to members' accounts and tells them in their security log (the
 * notification is {@code Notifications}'s, observing the same event in the same transaction).
 */
@ApplicationScoped
@Transactional
public class Suspensions {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Transactional
  void apply(@Observes MemberSanction sanction) {
    var member = em.find(MemberAccount.class, sanction.memberId());
    if (member == null) {
      return;
    }
    member.suspendUntil(sanction.blockedUntil());
    MemberSecurityEvent.Kind kind =
        sanction.lifted()
            ? MemberSecurityEvent.Kind.SANCTION_LIFTED
            : switch (sanction.kind()) {
              case "SUSPEND" -> MemberSecurityEvent.Kind.SUSPENDED;
              case "BAN" -> MemberSecurityEvent.Kind.BANNED;
              default -> MemberSecurityEvent.Kind.WARNED;
            };
    em.persist(
        new MemberSecurityEvent(
            member,
            sanction.at(),
            kind,
            null,
            sanction.until() == null
                ? null
                : sanction.until().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
  }
}
