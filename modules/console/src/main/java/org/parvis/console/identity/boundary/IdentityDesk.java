package org.parvis.console.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.campaign.api.PartyIdentities;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.media.Images;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.style.IdentityStorage.Picture;
import org.parvis.kernel.api.style.SiteIdentity;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.NetworkIdentities;

/**
 * Administrators set the party's identity: names, colours (refused under 4.5:1 against white, with
 * the ratio measured), the brand home's hero text, logo, icon and sharing image. Saved in the brand
 * database, then copied to the network's, which never reads the brand's.
 */
@Named
@RequestScoped
public class IdentityDesk {

  private static final Logger LOG = Logger.getLogger(IdentityDesk.class.getName());

  @Inject PartyIdentities brand;
  @Inject NetworkIdentities network;
  @Inject PageMessages messages;

  private String partyName;
  private String shortName;
  private String mainColour;
  private String accentColour;
  private String heroFr;
  private String heroEn;
  private Part logo;
  private Part icon;
  private Part share;
  private boolean removeLogo;
  private boolean removeIcon;
  private boolean removeShare;

  @PostConstruct
  void load() {
    var current = brand.current();
    partyName = current.partyName();
    shortName = current.shortName();
    mainColour = current.mainColour();
    accentColour = current.accentColour();
    heroFr = current.heroFr();
    heroEn = current.heroEn();
  }

  /** The identity saved now: what the form shows next to its fields. */
  public SiteIdentity getSaved() {
    return brand.current();
  }

  public boolean has(String picture) {
    return brand.has(Picture.valueOf(picture));
  }

  @Audited(value = "IDENTITY_CHANGED", side = "brand")
  public String save() {
    var logoStored = removeLogo ? IdentityStorage.REMOVED : picture("logo", logo, Picture.LOGO);
    var iconStored = removeIcon ? IdentityStorage.REMOVED : picture("icon", icon, Picture.ICON);
    var shareStored =
        removeShare ? IdentityStorage.REMOVED : picture("share", share, Picture.SHARE);
    if (messages.hasErrors()) {
      return null;
    }
    var draft = new SiteIdentity(partyName, shortName, mainColour, accentColour, heroFr, heroEn, 0);
    var problems = brand.save(draft, logoStored, iconStored, shareStored);
    if (!problems.isEmpty()) {
      problems.forEach(
          (field, problem) -> {
            if (problem.measured() == null) {
              messages.errorOn(field, problem.key());
            } else {
              messages.errorOn(field, problem.key(), problem.measured());
            }
          });
      return null;
    }
    try {
      network.save(draft, logoStored, iconStored, shareStored);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The network's copy of the identity was not saved", e);
      messages.error("identity.network.failed");
      messages.keepForNextPage();
      return "/staff/admin/identity.xhtml?faces-redirect=true";
    }
    messages.info("identity.saved");
    messages.keepForNextPage();
    return "/staff/admin/identity.xhtml?faces-redirect=true";
  }

  /** An uploaded picture made safe, null when none was sent; an error on its field if refused. */
  private IdentityStorage.Stored picture(String field, Part part, Picture picture) {
    if (part == null || part.getSize() == 0) {
      return null;
    }
    if (part.getSize() > Images.MAX_BYTES) {
      messages.errorOn(field, "identity.image.too-big");
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return IdentityStorage.prepare(in.readNBytes(Images.MAX_BYTES + 1), picture);
    } catch (Images.Refused refused) {
      messages.errorOn(field, "identity." + refused.key());
      return null;
    } catch (IOException e) {
      messages.errorOn(field, "identity.image.broken");
      return null;
    }
  }

  public String getPartyName() {
    return partyName;
  }

  public void setPartyName(String partyName) {
    this.partyName = partyName;
  }

  public String getShortName() {
    return shortName;
  }

  public void setShortName(String shortName) {
    this.shortName = shortName;
  }

  public String getMainColour() {
    return mainColour;
  }

  public void setMainColour(String mainColour) {
    this.mainColour = mainColour;
  }

  public String getAccentColour() {
    return accentColour;
  }

  public void setAccentColour(String accentColour) {
    this.accentColour = accentColour;
  }

  public String getHeroFr() {
    return heroFr;
  }

  public void setHeroFr(String heroFr) {
    this.heroFr = heroFr;
  }

  public String getHeroEn() {
    return heroEn;
  }

  public void setHeroEn(String heroEn) {
    this.heroEn = heroEn;
  }

  public Part getLogo() {
    return logo;
  }

  public void setLogo(Part logo) {
    this.logo = logo;
  }

  public Part getIcon() {
    return icon;
  }

  public void setIcon(Part icon) {
    this.icon = icon;
  }

  public Part getShare() {
    return share;
  }

  public void setShare(Part share) {
    this.share = share;
  }

  public boolean isRemoveLogo() {
    return removeLogo;
  }

  public void setRemoveLogo(boolean removeLogo) {
    this.removeLogo = removeLogo;
  }

  public boolean isRemoveIcon() {
    return removeIcon;
  }

  public void setRemoveIcon(boolean removeIcon) {
    this.removeIcon = removeIcon;
  }

  public boolean isRemoveShare() {
    return removeShare;
  }

  public void setRemoveShare(boolean removeShare) {
    this.removeShare = removeShare;
  }
}
