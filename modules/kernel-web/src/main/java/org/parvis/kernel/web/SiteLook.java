package org.parvis.kernel.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.style.IdentityStorage.Picture;
import org.parvis.kernel.api.style.SiteIdentity;
import org.parvis.kernel.api.web.IdentitySource;

/**
 * The party's identity as the layout shows it: its name, its colours (a stylesheet of this site,
 * only once they were changed), its logo and icon (Parvis's own until the party uploads its own).
 */
@Named("look")
@RequestScoped
public class SiteLook {

  @Inject IdentitySource source;
  @Inject HttpServletRequest request;

  private IdentityStorage.Current current;

  /**
   * The identity in force for this request; Parvis's own when the database cannot be read (the page
   * saying so must still show).
   */
  public SiteIdentity getIdentity() {
    return current().identity();
  }

  private IdentityStorage.Current current() {
    if (current == null) {
      try {
        current = source.store().now();
      } catch (RuntimeException unreadable) {
        current =
            new IdentityStorage.Current(
                SiteIdentity.defaults(SiteIdentity.configuredPartyName()), java.util.Set.of());
      }
    }
    return current;
  }

  /** Whether the party uploaded its own icon (Parvis's PNG fallback is then left out). */
  public boolean isCustomIcon() {
    return uploaded(Picture.ICON);
  }

  public String getPartyName() {
    return getIdentity().partyName();
  }

  public String getShortName() {
    return getIdentity().shortName();
  }

  /** The hero text in the visitor's language, or null when the party wrote none. */
  public String getHero() {
    return getIdentity()
        .hero(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
  }

  /** The colours as a stylesheet of this site, or null while Parvis's own are in force. */
  public String getThemeUrl() {
    return getIdentity().version() == 0 ? null : address("theme.css");
  }

  public String getLogoUrl() {
    return uploaded(Picture.LOGO) ? address("logo") : resource("mark.svg");
  }

  public String getIconUrl() {
    return uploaded(Picture.ICON) ? address("icone") : resource("favicon.svg");
  }

  /** The image shown when a page is shared, or null when none was uploaded. */
  public String getShareImageUrl() {
    return uploaded(Picture.SHARE) ? address("partage") : null;
  }

  /**
   * The sharing image as an absolute address on the same host as the page shared ({@code pageUrl},
   * absolute), or null when none was uploaded.
   */
  public String absoluteShareImage(String pageUrl) {
    String path = getShareImageUrl();
    if (path == null || pageUrl == null) {
      return null;
    }
    try {
      return java.net.URI.create(pageUrl).resolve(path).toString();
    } catch (IllegalArgumentException notAnAddress) {
      return null;
    }
  }

  /** The browser's bar colour on phones: the site's colour. */
  public String themeColour(String siteClass) {
    return "network".equals(siteClass)
        ? getIdentity().accentColour()
        : "console".equals(siteClass) ? "#2f3542" : getIdentity().mainColour();
  }

  private boolean uploaded(Picture picture) {
    return current().pictures().contains(picture);
  }

  private String address(String name) {
    return request.getContextPath() + IdentityServlet.PATH + name + "?v=" + getIdentity().version();
  }

  private String resource(String name) {
    var faces = FacesContext.getCurrentInstance();
    return faces
        .getApplication()
        .getResourceHandler()
        .createResource(name, "parvis")
        .getRequestPath();
  }
}
