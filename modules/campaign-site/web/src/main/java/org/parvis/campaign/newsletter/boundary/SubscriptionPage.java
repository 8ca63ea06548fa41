package org.parvis.campaign.newsletter.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parvis.campaign.newsletter.control.Newsletter;
import org.parvis.kernel.api.web.PageMessages;

/**
 * The subscriber's own pages, reached by the links of their mails: confirming the subscription,
 * choosing themes, leaving. No account: the link is the key.
 */
@Named
@RequestScoped
public class SubscriptionPage {

  @Inject FacesContext faces;
  @Inject Newsletter newsletter;
  @Inject PageMessages messages;

  private String token;
  private Newsletter.Subscription subscription;
  private List<String> themes = new ArrayList<>();
  private boolean confirmed;

  @PostConstruct
  void fromAddress() {
    token = faces.getExternalContext().getRequestParameterMap().get("jeton");
  }

  /** The button of the confirmation page: confirms, and says so (or that the link expired). */
  public void confirm() {
    confirmed = newsletter.confirm(token, Instant.now()).isEmpty();
    answered = true;
  }

  /** Whether the button was pressed (the page then shows the outcome instead of the button). */
  public boolean isAnswered() {
    return answered;
  }

  private boolean answered;

  public boolean isConfirmed() {
    return confirmed;
  }

  /** The manage page: 404 for an unknown link. */
  public void load() throws IOException {
    subscription = newsletter.subscription(token).orElse(null);
    if (subscription == null) {
      faces.getExternalContext().responseSendError(404, "no such subscription");
      faces.responseComplete();
      return;
    }
    if (themes.isEmpty()) {
      themes = new ArrayList<>(subscription.themes().stream().map(Enum::name).toList());
    }
  }

  public String saveThemes() {
    newsletter.changeThemes(token, Newsletter.themes(themes));
    messages.info("newsletter.themes.saved");
    messages.keepForNextPage();
    return "/lettre/gerer.xhtml?faces-redirect=true&jeton=" + token;
  }

  public String unsubscribe() {
    newsletter.unsubscribe(token, Instant.now());
    messages.info("newsletter.unsubscribed");
    messages.keepForNextPage();
    return "/lettre/gerer.xhtml?faces-redirect=true&jeton=" + token;
  }

  public Newsletter.Subscription getSubscription() {
    return subscription;
  }

  public String getToken() {
    return token;
  }

  public List<String> getThemes() {
    return themes;
  }

  public void setThemes(List<String> themes) {
    this.themes = themes;
  }

  public List<String> getAllThemes() {
    return java.util.Arrays.stream(Newsletter.Theme.values()).map(Enum::name).toList();
  }
}
