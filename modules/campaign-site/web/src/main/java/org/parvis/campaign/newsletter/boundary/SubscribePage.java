package org.parvis.campaign.newsletter.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parvis.campaign.newsletter.control.Newsletter;
import org.parvis.kernel.api.web.PageMessages;

/**
 * The subscription form: address, themes, explicit consent; then "check your mail" whatever the
 * address (the page never tells whether it was already subscribed).
 */
@Named
@RequestScoped
public class SubscribePage {

  @Inject Newsletter newsletter;
  @Inject PageMessages messages;
  @Inject jakarta.faces.context.FacesContext faces;
  @Inject BrandJobs jobs;

  private String email;
  private List<String> themes = new ArrayList<>();
  private boolean consent;

  public List<String> getAllThemes() {
    return Arrays.stream(Newsletter.Theme.values()).map(Enum::name).toList();
  }

  public String subscribe() {
    var problem =
        newsletter.subscribe(
            email,
            Newsletter.themes(themes),
            consent,
            faces.getViewRoot().getLocale().getLanguage(),
            Instant.now());
    if (problem.isPresent()) {
      messages.errorOn(problem.get().contains("consent") ? "consent" : "email", problem.get());
      return null;
    }
    jobs.deliverSoon();
    messages.info("newsletter.check-mail");
    messages.keepForNextPage();
    return "/lettre/index.xhtml?faces-redirect=true";
  }

  public String getConsentVersion() {
    return Newsletter.CONSENT_VERSION;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getThemes() {
    return themes;
  }

  public void setThemes(List<String> themes) {
    this.themes = themes;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
