package org.parvis.campaign.home.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The brand site's home page. */
@Named
@RequestScoped
public class HomePage {

  @Inject
  @ConfigProperty(name = "parvis.party.name", defaultValue = "Parvis")
  String partyName;

  @Inject
  @ConfigProperty(name = "parvis.network.url", defaultValue = "/reseau/")
  String networkUrl;

  public String getPartyName() {
    return partyName;
  }

  public String getNetworkUrl() {
    return networkUrl;
  }
}
