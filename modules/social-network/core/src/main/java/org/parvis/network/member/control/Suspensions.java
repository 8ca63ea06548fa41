package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import org.parvis.network.api.MemberSanction;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberSecurityEvent;

/** Applies moderators' sanctions to members' accounts and tells them in their security log. */
@ApplicationScoped
@Transactional
public class Suspensions {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Notifications notifications;

  @Transactional
  void apply(@Observes MemberSanction sanction) {
    var member = em.find(MemberAccount.class, sanction.memberId());
    if (member == null) {
      return;
    }
    member.suspendUntil(sanction.blockedUntil());
    MemberSecurityEvent.Kind kind;
    Notifications.Kind notice;
    if (sanction.lifted()) {
      kind = MemberSecurityEvent.Kind.SANCTION_LIFTED;
      notice = Notifications.Kind.SANCTION_LIFTED;
    } else {
      switch (sanction.kind()) {
        case "SUSPEND" -> {
          kind = MemberSecurityEvent.Kind.SUSPENDED;
          notice = Notifications.Kind.SUSPENDED;
        }
        case "BAN" -> {
          kind = MemberSecurityEvent.Kind.BANNED;
          notice = Notifications.Kind.BANNED;
        }
        default -> {
          kind = MemberSecurityEvent.Kind.WARNED;
          notice = Notifications.Kind.WARNED;
        }
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
    notifications.notifyMember(
        member.id(), notice, Notifications.Subject.ACCOUNT, sanction.statement(), sanction.at());
  }
}
