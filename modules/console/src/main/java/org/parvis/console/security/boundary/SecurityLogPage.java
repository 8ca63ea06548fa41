package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.campaign.api.StaffSignIn.SecurityLogEntry;

/** The signed-in staff member's own security log, page by page. */
@Named
@RequestScoped
public class SecurityLogPage {

  static final int PAGE_SIZE = 20;

  @Inject SecurityContext security;
  @Inject StaffSignIn staff;

  private int page;
  private List<SecurityLogEntry> entries;

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 10_000));
  }

  /** One entry more than shown tells whether there is a next page. */
  public List<SecurityLogEntry> getEntries() {
    if (entries == null) {
      entries =
          staff.securityLog(
              security.getCallerPrincipal().getName(), page * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries;
  }

  public boolean isNextPage() {
    getEntries();
    return entries.size() > PAGE_SIZE;
  }
}
