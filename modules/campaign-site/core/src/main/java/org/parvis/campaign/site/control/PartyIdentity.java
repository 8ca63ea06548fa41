package org.parvis.campaign.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.parvis.campaign.api.PartyIdentities;
import org.parvis.kernel.api.style.control.StoredIdentity;

/**
 * The party's identity as the brand database keeps it (the original; the network keeps a copy):
 * what the brand site and the console show, and what an administrator changes.
 */
@ApplicationScoped
@Transactional
public class PartyIdentity extends StoredIdentity implements PartyIdentities {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  protected EntityManager em() {
    return em;
  }
}
