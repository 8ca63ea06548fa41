package org.parvis.campaign.agenda.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.campaign.site.boundary.BrandSite;
import org.parvis.kernel.api.web.PageMessages;

/** One event, its calendar file and, if it takes registrations, the registration form. */
@Named
@RequestScoped
public class EventPage {

  @Inject FacesContext faces;
  @Inject Agenda agenda;
  @Inject PageMessages messages;
  @Inject BrandSite site;

  private String slug;
  private Agenda.Event event;
  private String name;
  private String email;
  private boolean consent;

  @PostConstruct
  void fromAddress() {
    slug = faces.getExternalContext().getRequestParameterMap().get("slug");
  }

  public void load() throws IOException {
    event = slug == null ? null : agenda.event(slug).orElse(null);
    if (event == null) {
      faces.getExternalContext().responseSendError(404, "no such event");
      faces.responseComplete();
    }
  }

  /** Also read while the view is restored (whether it keeps state), before the view action. */
  public boolean isRegistrationOpen() {
    if (event == null && slug != null) {
      event = agenda.event(slug).orElse(null);
    }
    return event != null
        && event.registration()
        && !event.cancelled()
        && event.endsAt().isAfter(Instant.now());
  }

  public String register() {
    if (event == null) {
      event = agenda.event(String.valueOf(slug)).orElse(null);
    }
    if (event == null) {
      messages.error("registration.closed");
      return null;
    }
    var problem = agenda.register(event.id(), name, email, consent, Instant.now());
    if (problem.isPresent()) {
      messages.errorOn(
          problem.get().contains("consent")
              ? "consent"
              : problem.get().contains("email") ? "email" : "name",
          problem.get());
      return null;
    }
    messages.info("registration.done");
    messages.keepForNextPage();
    return "/agenda/evenement.xhtml?faces-redirect=true&slug=" + slug;
  }

  public String getUrl() {
    return site.url("/agenda/evenement.xhtml?slug=" + slug);
  }

  public Agenda.Event getEvent() {
    return event;
  }

  public String getSlug() {
    return slug;
  }

  public String getConsentVersion() {
    return Agenda.CONSENT_VERSION;
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

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
