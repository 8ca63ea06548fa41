package org.parvis.campaign.contact.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.parvis.campaign.contact.control.ContactDesk;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;

/** The contact form and the volunteer form (same fields, another purpose). */
@Named
@RequestScoped
public class ContactPage {

  @Inject FacesContext faces;
  @Inject ContactDesk desk;
  @Inject PageMessages messages;

  private String kind = "CONTACT";
  private String name;
  private String email;
  private String commune;
  private String message;
  private boolean consent;
  private String website;
  private String shown;

  /** The signed time the form is shown at; sent back with it. */
  public String getFormToken() {
    return desk.formToken(Instant.now());
  }

  public String send(String formKind) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    ContactDesk.Kind k =
        "VOLUNTEER".equals(formKind) ? ContactDesk.Kind.VOLUNTEER : ContactDesk.Kind.CONTACT;
    var problem =
        desk.receive(
            k,
            name,
            email,
            commune,
            message,
            consent,
            website,
            request.getParameter("shown"),
            Clients.address(request),
            Instant.now());
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info(k == ContactDesk.Kind.VOLUNTEER ? "volunteer.sent" : "contact.sent");
    messages.keepForNextPage();
    return (k == ContactDesk.Kind.VOLUNTEER ? "/benevolat.xhtml" : "/contact.xhtml")
        + "?faces-redirect=true";
  }

  public String getConsentVersion() {
    return ContactDesk.CONSENT_VERSION;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCommune() {
    return commune;
  }

  public void setCommune(String commune) {
    this.commune = commune;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }

  /** The trap field: people never see it, bots fill it. */
  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public String getShown() {
    return shown;
  }
}
