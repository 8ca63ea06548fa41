package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.parvis.network.member.entity.MemberAccount;

/** Finds the member behind a handle, for the network's controls that act on their behalf. */
@ApplicationScoped
@Transactional
public class Members {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** The member with this handle (any case), if their address is confirmed; with their commune. */
  public Optional<MemberAccount> confirmed(String handle) {
    return em.createNamedQuery(MemberAccount.BY_HANDLE, MemberAccount.class)
        .setParameter("handle", MemberAccount.normalizeHandle(handle))
        .getResultStream()
        .filter(MemberAccount::isConfirmed)
        .findFirst();
  }
}
