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

  private String handle;
  private PublicProfile profile;

  /** Loads the profile, or answers 404 for an unknown or unconfirmed handle. */
  public void load() throws IOException {
    profile = handle == null ? null : accounts.profile(handle).orElse(null);
    if (profile == null) {
      faces.getExternalContext().responseSendError(404, "no such member");
      faces.responseComplete();
    }
  }

  /** The mandates in force the member holds, verified by staff. */
  public java.util.List<String> getBadges() {
    return profile == null
        ? java.util.List.of()
        : officials
            .badges(java.util.List.of(profile.handle()))
            .getOrDefault(profile.handle(), java.util.List.of());
  }

  public PublicProfile getProfile() {
    return profile;
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }
}
