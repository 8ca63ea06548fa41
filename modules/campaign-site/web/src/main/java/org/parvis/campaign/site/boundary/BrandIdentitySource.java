package org.parvis.campaign.site.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parvis.campaign.api.PartyIdentities;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.web.IdentitySource;

/** The brand site shows the party's identity from the brand database. */
@ApplicationScoped
public class BrandIdentitySource implements IdentitySource {

  @Inject PartyIdentities identity;

  @Override
  public IdentityStorage store() {
    return identity;
  }
}
