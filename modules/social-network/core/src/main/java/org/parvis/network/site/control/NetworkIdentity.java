package org.parvis.network.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.parvis.kernel.api.style.control.StoredIdentity;
import org.parvis.network.api.NetworkIdentities;

/**
 * The network's copy of the party's identity, in the network's own database (the network never
 * reads the brand's): what the network's pages show. The console writes it with the original.
 */
@ApplicationScoped
@Transactional
public class NetworkIdentity extends StoredIdentity implements NetworkIdentities {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Override
  protected EntityManager em() {
    return em;
  }
}
