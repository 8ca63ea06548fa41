package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parvis.network.api.Officials;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.member.control.MemberAccounts.PublicProfile;

/** A member's public profile, by handle: never their email. */
@Named
@RequestScoped
public class ProfilePage {

  @Inject FacesContext faces;
  @Inject MemberAccounts accounts;
  @Inject Officials officials;
  @Inject CurrentMember member;
  @Inject org.parvis.network.initiative.control.Participation participation;
  @Inject org.parvis.network.initiative.control.Initiatives initiatives;
  @Inject org.parvis.network.initiative.control.OfficialRouting routing;
  @Inject org.parvis.network.follow.control.Follows follows;
  @Inject org.parvis.kernel.api.web.PageMessages messages;
  @Inject org.parvis.network.ranking.control.Badges rewards;
  @Inject org.parvis.network.feed.boundary.Sharing sharing;

  private String handle;
  private PublicProfile profile;

  /**
   * Reads the address's parameters before anything else: on a form's postback they come from hidden
   * fields, and the page needs them to know which buttons it shows.
   */
  @jakarta.annotation.PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    handle = parameters.get("pseudo");
  }

  /** Loads the profile, or answers 404 for an unknown or unconfirmed handle. */
  public void load() throws IOException {
    if (profile() == null) {
      faces.getExternalContext().responseSendError(404, "no such member");
      faces.responseComplete();
    }
  }

  /** The community badges the member earned, highest level first. */
  public java.util.List<org.parvis.network.ranking.control.Badges.Held> getEarned() {
    if (earned == null) {
      earned = profile() == null ? java.util.List.of() : rewards.held(profile.handle());
    }
    return earned;
  }

  private java.util.List<org.parvis.network.ranking.control.Badges.Held> earned;

  /** The page's public address, for sharing and Open Graph. */
  public String getShareUrl() {
    return sharing.url(
        "/membres/profil.xhtml?pseudo="
            + java.net.URLEncoder.encode(
                String.valueOf(handle), java.nio.charset.StandardCharsets.UTF_8));
  }

  public String getFeedPath() {
    return "/flux/membres/" + (profile() == null ? "" : profile.handle());
  }

  /** The mandates in force the member holds, verified by staff. */
  public java.util.List<String> getBadges() {
    if (badges == null) {
      badges =
          profile() == null
              ? java.util.List.of()
              : officials
                  .badges(java.util.List.of(profile.handle()))
                  .getOrDefault(profile.handle(), java.util.List.of());
    }
    return badges;
  }

  private java.util.List<String> badges;
  private String level;
  private java.util.List<org.parvis.network.initiative.control.Initiatives.Summary> authored;
  private org.parvis.network.initiative.control.OfficialRouting.Responsiveness responsiveness;

  /** Where the member stands on the participation ladder. */
  public String getLevel() {
    if (level == null) {
      level = participation.level(profile.handle()).name();
    }
    return level;
  }

  public java.util.List<org.parvis.network.initiative.control.Initiatives.Summary>
      getInitiatives() {
    if (authored == null) {
      authored = initiatives.ofAuthor(profile.handle(), false, 0, 20);
    }
    return authored;
  }

  /** For officials: initiatives routed, answered, median answer time. */
  public org.parvis.network.initiative.control.OfficialRouting.Responsiveness getResponsiveness() {
    if (responsiveness == null) {
      responsiveness = routing.responsiveness(profile.handle());
    }
    return responsiveness;
  }

  /** The median answer time in words: hours under two days, days beyond. */
  public String getMedianDelay() {
    var delay = getResponsiveness().medianDelay();
    if (delay == null) {
      return null;
    }
    return delay.toHours() < 48
        ? messages.text("profile.hours", Math.max(1, delay.toHours()))
        : messages.text("profile.days", delay.toDays());
  }

  public long getFollowers() {
    return profile() == null
        ? 0
        : follows.followers(org.parvis.network.follow.control.Follows.MEMBER, profile.handle());
  }

  /**
   * Whether the signed-in reader follows the member. Also asked while a posted form is decoded,
   * before any view action ran: the profile is read on demand.
   */
  public boolean isFollowing() {
    return profile() != null
        && member.isSignedIn()
        && follows.follows(
            member.handle(), org.parvis.network.follow.control.Follows.MEMBER, profile.handle());
  }

  public String follow() {
    follows.follow(member.handle(), org.parvis.network.follow.control.Follows.MEMBER, handle);
    return "/membres/profil.xhtml?faces-redirect=true&pseudo=" + handle;
  }

  public String unfollow() {
    follows.unfollow(member.handle(), org.parvis.network.follow.control.Follows.MEMBER, handle);
    return "/membres/profil.xhtml?faces-redirect=true&pseudo=" + handle;
  }

  public PublicProfile getProfile() {
    return profile();
  }

  /** The profile of the handle in the address or the posted form, read once per request. */
  private PublicProfile profile() {
    if (profile == null && handle != null) {
      profile = accounts.profile(handle).orElse(null);
    }
    return profile;
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }
}
