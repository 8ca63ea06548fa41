package org.parvis.campaign.privacy.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parvis.campaign.newsletter.boundary.BrandJobs;
import org.parvis.campaign.privacy.control.BrandPersonalData;
import org.parvis.kernel.api.web.PageMessages;

/**
 * People without an account (subscribers, registrants, contacts) ask for a link by email, then see
 * what the site holds about their address, download it and erase it.
 */
@Named
@RequestScoped
public class MyDataPage {

  @Inject FacesContext faces;
  @Inject BrandPersonalData data;
  @Inject PageMessages messages;
  @Inject BrandJobs jobs;

  private String email;
  private String token;
  private String holder;
  private Map<String, List<Map<String, Object>>> held;

  @PostConstruct
  void fromAddress() {
    token = faces.getExternalContext().getRequestParameterMap().get("jeton");
  }

  public String requestLink() {
    var problem =
        data.requestLink(email, faces.getViewRoot().getLocale().getLanguage(), Instant.now());
    if (problem.isPresent()) {
      messages.errorOn("email", problem.get());
      return null;
    }
    jobs.deliverSoon();
    messages.info("privacy.link.sent");
    messages.keepForNextPage();
    return "/donnees/index.xhtml?faces-redirect=true";
  }

  /** 404 for an unknown or expired link. */
  public void load() throws IOException {
    holder = data.holder(token, Instant.now()).orElse(null);
    if (holder == null) {
      faces.getExternalContext().responseSendError(404, "no such link");
      faces.responseComplete();
    }
  }

  /** Also read while a postback restores the page, before the view action. */
  public Map<String, List<Map<String, Object>>> getHeld() {
    if (holder == null) {
      holder = data.holder(token, Instant.now()).orElse(null);
    }
    if (held == null) {
      held = holder == null ? Map.of() : data.export(holder);
    }
    return held;
  }

  public List<String> getCategories() {
    return List.copyOf(getHeld().keySet());
  }

  public String erase() throws IOException {
    if (holder == null) {
      load();
      if (holder == null) {
        return null;
      }
    }
    data.erase(holder);
    messages.info("privacy.erased");
    messages.keepForNextPage();
    return "/donnees/index.xhtml?faces-redirect=true";
  }

  public String getHolder() {
    return holder;
  }

  public String getToken() {
    return token;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
