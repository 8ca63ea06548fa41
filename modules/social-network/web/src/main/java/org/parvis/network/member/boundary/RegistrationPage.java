package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.mail.boundary.OutboxDelivery;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Commune;

/**
 * Registration: handle, display name, email, password, home commune (by postal code; a choice among
 * the communes it serves when there are several) and the separate art. 9 consent.
 */
@Named
@RequestScoped
public class RegistrationPage {

  /** The form's field ids, as the member accounts name the problems. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "handle", "handle",
          "displayName", "displayName",
          "email", "email",
          "password", "password",
          "commune", "postalCode",
          "consent", "consent");

  @Inject FacesContext faces;
  @Inject MemberAccounts accounts;
  @Inject TerritoryDirectory territories;
  @Inject PageMessages messages;
  @Inject OutboxDelivery mailRelay;

  private String handle;
  private String displayName;
  private String email;
  private String password;
  private String postalCode;
  private String communeCode;
  private boolean consent;
  private List<Commune> communes;

  public String register() {
    var candidates = getCommunes();
    if (candidates.size() == 1) {
      communeCode = candidates.get(0).code();
    } else if (candidates.stream().noneMatch(c -> c.code().equals(communeCode))) {
      communeCode = null;
    }
    if (candidates.size() > 1 && communeCode == null) {
      messages.errorOn("communeCode", "commune.choose");
      password = null;
      return null;
    }
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problems =
        accounts.register(
            new MemberAccounts.Registration(
                handle,
                displayName,
                email,
                password == null ? new char[0] : password.toCharArray(),
                communeCode,
                consent,
                faces.getViewRoot().getLocale()),
            Clients.address(request));
    password = null;
    if (!problems.isEmpty()) {
      problems.forEach((field, key) -> messages.errorOn(FIELDS.getOrDefault(field, null), key));
      messages.error("register.problems");
      return null;
    }
    mailRelay.soon();
    messages.info("register.sent", email.strip());
    messages.keepForNextPage();
    return "/inscription.xhtml?faces-redirect=true&envoye=1";
  }

  /**
   * The communes the typed postal code serves (none until one is typed). Read from the request
   * before the model is updated too: the choice must be in the form when the form is decoded.
   */
  public List<Commune> getCommunes() {
    if (communes == null) {
      String typed =
          postalCode != null
              ? postalCode
              : faces.getExternalContext().getRequestParameterMap().get("postalCode");
      communes = typed == null || typed.length() > 10 ? List.of() : territories.byPostalCode(typed);
    }
    return communes;
  }

  public String getConsentVersion() {
    return MemberAccounts.CONSENT_TEXT_VERSION;
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
    communes = null;
  }

  public String getCommuneCode() {
    return communeCode;
  }

  public void setCommuneCode(String communeCode) {
    this.communeCode = communeCode;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
