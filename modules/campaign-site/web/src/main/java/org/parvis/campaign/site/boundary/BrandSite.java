package org.parvis.campaign.site.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.campaign.mail.control.BrandMailer;

/**
 * Facts about the site every page needs: the party's name (its identity, set in the console) and
 * the site's addresses (the same as in the site's mails: {@link BrandMailer} reads the
 * configuration once for both).
 */
@Named
@ApplicationScoped
public class BrandSite {

  @Inject BrandMailer mailer;
  @Inject org.parvis.campaign.site.control.PartyIdentity identity;

  @Inject
  @ConfigProperty(name = "parvis.network.url", defaultValue = "/reseau/")
  String networkUrl;

  /** The party's name as its administrator set it (the configured one until then). */
  public String getPartyName() {
    return identity.current().partyName();
  }

  public String getNetworkUrl() {
    return networkUrl;
  }

  /** An absolute address of a path of this site, for feeds, calendars and sharing. */
  public String url(String path) {
    return mailer.link(path);
  }

  /** The host name, for calendar UIDs. */
  public String host() {
    return java.net.URI.create(mailer.link("/")).getHost();
  }
}
