package org.parvis.network.site.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.web.IdentitySource;
import org.parvis.network.api.NetworkIdentities;

/** The network shows its own copy of the party's identity, from the network database. */
@ApplicationScoped
public class NetworkIdentitySource implements IdentitySource {

  @Inject NetworkIdentities identity;

  @Override
  public IdentityStorage store() {
    return identity;
  }
}
