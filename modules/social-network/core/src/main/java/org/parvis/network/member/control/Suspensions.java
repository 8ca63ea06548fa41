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

/** Applies moderators' sanctions to members' accounts and tells them in their security log. */
@ApplicationScoped
public class Suspensions {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Transactional
  void apply(@Observes MemberSanction sanction) {
    var member = em.find(MemberAccount.class, sanction.memberId());
    if (member == null) {
      return;
    }
    MemberSecurityEvent.Kind kind;
    if (sanction.lifted()) {
      member.suspendUntil(null);
      kind = MemberSecurityEvent.Kind.SANCTION_LIFTED;
    } else {
      switch (sanction.kind()) {
        case "SUSPEND" -> {
          member.suspendUntil(sanction.until());
          kind = MemberSecurityEvent.Kind.SUSPENDED;
        }
        case "BAN" -> {
          member.suspendUntil(MemberAccount.BANNED);
          kind = MemberSecurityEvent.Kind.BANNED;
        }
        default -> kind = MemberSecurityEvent.Kind.WARNED;
      }
    }
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
