package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.privacy.control.AccountErasure.Contributions;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.control.RequestRegister;

/** The DPO's register of requests about people of this side, in its own database. */
@ApplicationScoped
@Transactional
public class NetworkPrivacyRequests extends RequestRegister {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject MemberExport export;
  @Inject AccountErasure erasure;

  @Override
  protected EntityManager em() {
    return em;
  }

  @Override
  protected Optional<Map<String, List<Map<String, Object>>>> dataOf(String subject) {
    return member(subject).map(export::export);
  }

  @Override
  protected boolean erase(String subject, boolean deleteContributions, Instant now) {
    var member = member(subject);
    member.ifPresent(
        id ->
            erasure.erase(
                id, deleteContributions ? Contributions.DELETE : Contributions.KEEP, now));
    return member.isPresent();
  }

  /** The member a request names by handle (with or without its @), if not erased already. */
  private Optional<Long> member(String subject) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery("SELECT id FROM member_account WHERE handle = ? AND erased_at IS NULL")
            .setParameter(1, MemberAccount.normalizeHandle(subject.strip().replaceFirst("^@", "")))
            .getResultList();
    return ids.stream().findFirst().map(Number::longValue);
  }

  @Override
  public DataSide side() {
    return DataSide.NETWORK;
  }

  @Override
  public String module() {
    return "social-network";
  }
}
