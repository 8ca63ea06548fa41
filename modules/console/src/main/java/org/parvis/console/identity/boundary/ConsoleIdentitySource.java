package org.parvis.console.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parvis.campaign.api.PartyIdentities;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.web.IdentitySource;

/** The console shows the party's identity from the brand database (the original). */
@ApplicationScoped
public class ConsoleIdentitySource implements IdentitySource {

  @Inject PartyIdentities identity;

  @Override
  public IdentityStorage store() {
    return identity;
  }
}
