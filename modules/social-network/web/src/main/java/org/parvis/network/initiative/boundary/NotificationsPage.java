package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.member.boundary.CurrentMember;

/** The member's notifications and how often they want them by email. */
@Named
@RequestScoped
public class NotificationsPage {

  @Inject CurrentMember member;
  @Inject Notifications notifications;
  @Inject PageMessages messages;

  private int page;
  private String frequency;
  private List<Notifications.Entry> entries;

  public List<Notifications.Entry> getEntries() {
    if (entries == null) {
      entries = notifications.list(member.handle(), page);
    }
    return entries;
  }

  public boolean isMore() {
    return getEntries().size() == Notifications.PAGE_SIZE;
  }

  public String markAllRead() {
    notifications.markAllRead(member.handle());
    return "/compte/notifications.xhtml?faces-redirect=true";
  }

  public String saveFrequency() {
    var problem = notifications.setFrequency(member.handle(), frequency);
    if (problem.isPresent()) {
      messages.errorOn("frequency", problem.get());
      return null;
    }
    messages.info("notifications.frequency.saved");
    messages.keepForNextPage();
    return "/compte/notifications.xhtml?faces-redirect=true";
  }

  public String getFrequency() {
    if (frequency == null) {
      frequency = notifications.frequency(member.handle()).name();
    }
    return frequency;
  }

  public void setFrequency(String frequency) {
    this.frequency = frequency;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
