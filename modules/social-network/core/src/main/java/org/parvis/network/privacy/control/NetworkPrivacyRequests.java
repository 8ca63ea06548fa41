package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.control.RequestRegister;

/** The DPO's register of requests about people of this side, in its own database. */
@ApplicationScoped
public class NetworkPrivacyRequests extends RequestRegister {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Override
  protected EntityManager em() {
    return em;
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
