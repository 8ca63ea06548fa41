package org.parvis.campaign.site.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Facts about the site every page needs: the party's name, addresses. */
@Named
@ApplicationScoped
public class BrandSite {

  @Inject
  @ConfigProperty(name = "parvis.party.name", defaultValue = "Parvis")
  String partyName;

  @Inject
  @ConfigProperty(name = "parvis.network.url", defaultValue = "/reseau/")
  String networkUrl;

  @Inject
  @ConfigProperty(name = "parvis.brand.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  public String getPartyName() {
    return partyName;
  }

  public String getNetworkUrl() {
    return networkUrl;
  }

  /** The site's public address without a trailing slash, for feeds, calendars and sharing. */
  public String getPublicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** An absolute address of a path of this site. */
  public String url(String path) {
    return getPublicUrl() + path;
  }

  /** The host name, for calendar UIDs. */
  public String host() {
    return java.net.URI.create(getPublicUrl()).getHost();
  }
}
