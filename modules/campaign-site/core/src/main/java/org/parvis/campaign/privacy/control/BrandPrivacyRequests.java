package org.parvis.campaign.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.control.RequestRegister;

/** The DPO's register of requests about people of this side, in its own database. */
@ApplicationScoped
public class BrandPrivacyRequests extends RequestRegister {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  protected EntityManager em() {
    return em;
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
