package org.parvis.campaign.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.parvis.campaign.newsletter.control.Campaigns;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;

/**
 * Editors compose newsletter campaigns and start them; the page shows each campaign's progress
 * (mails queued of recipients), which the background sender moves at its configured rate.
 */
@Named
@RequestScoped
public class NewsletterDesk {

  @Inject SecurityContext security;
  @Inject Campaigns campaigns;
  @Inject PageMessages messages;

  private String subject;
  private String body;
  private String theme;
  private List<Campaigns.Campaign> list;

  public List<Campaigns.Campaign> getCampaigns() {
    if (list == null) {
      list = campaigns.list(0);
    }
    return list;
  }

  @Audited(value = "NEWSLETTER_COMPOSED", side = "brand")
  public String compose() {
    if (Campaigns.invalid(subject, body, theme)) {
      messages.error("campaign.invalid");
      return null;
    }
    campaigns.compose(security.getCallerPrincipal().getName(), subject, body, theme, Instant.now());
    messages.info("campaign.composed");
    messages.keepForNextPage();
    return "/staff/content/newsletter.xhtml?faces-redirect=true";
  }

  @Audited(value = "NEWSLETTER_SENT", side = "brand")
  public String start(long id) {
    var problem = campaigns.start(id, Instant.now());
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("campaign.started");
    messages.keepForNextPage();
    return "/staff/content/newsletter.xhtml?faces-redirect=true";
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }
}
