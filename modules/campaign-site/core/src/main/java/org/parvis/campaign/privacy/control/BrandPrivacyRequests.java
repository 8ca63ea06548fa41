package org.parvis.campaign.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.control.RequestRegister;

/** The DPO's register of requests about people of this side, in its own database. */
@ApplicationScoped
@Transactional
public class BrandPrivacyRequests extends RequestRegister {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject BrandPersonalData data;

  @Override
  protected EntityManager em() {
    return em;
  }

  /** Someone is known when any category holds a row about the address. */
  @Override
  protected Optional<Map<String, List<Map<String, Object>>>> dataOf(String subject) {
    var held = data.export(EmailAddress.normalize(subject));
    boolean known =
        held.entrySet().stream()
            .anyMatch(e -> !e.getKey().equals("requestsToTheDpo") && !e.getValue().isEmpty());
    return known ? Optional.of(held) : Optional.empty();
  }

  @Override
  protected boolean erase(String subject, boolean deleteContributions, Instant now) {
    String address = EmailAddress.normalize(subject);
    if (dataOf(address).isEmpty()) {
      return false;
    }
    data.erase(address);
    return true;
  }

  @Override
  public DataSide side() {
    return DataSide.BRAND;
  }

  @Override
  public String module() {
    return "campaign-site";
  }
}
