package org.parvis.console.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.kernel.api.audit.AuditTrail;

/**
 * The audit trail for administrators: one side at a time (the site's or the network's database),
 * filtered by staff member and action, newest first, 50 a page; the filter stays in the address.
 */
@Named
@RequestScoped
public class AuditPage {

  static final int PAGE_SIZE = 50;

  @Inject @Any Instance<AuditTrail> trails;

  private String side = "brand";
  private String staff;
  private String action;
  private int page;
  private List<AuditTrail.Entry> entries;

  private AuditTrail trail() {
    for (AuditTrail trail : trails) {
      if (trail.side().equals(side)) {
        return trail;
      }
    }
    throw new IllegalStateException("no audit trail for " + side);
  }

  private AuditTrail.Filter filter() {
    return new AuditTrail.Filter(staff, action);
  }

  public List<AuditTrail.Entry> getEntries() {
    if (entries == null) {
      entries = trail().list(filter(), page * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries;
  }

  public boolean isMore() {
    getEntries();
    return entries.size() > PAGE_SIZE;
  }

  /** The filter as the pager's links carry it, encoded ({@code cote=…&qui=…&action=…}). */
  public String getFilterQuery() {
    return "cote="
        + side
        + "&qui="
        + java.net.URLEncoder.encode(
            staff == null ? "" : staff, java.nio.charset.StandardCharsets.UTF_8)
        + "&action="
        + java.net.URLEncoder.encode(
            action == null ? "" : action, java.nio.charset.StandardCharsets.UTF_8);
  }

  public long getCount() {
    return trail().count(filter());
  }

  public List<String> getSides() {
    return List.of("brand", "network");
  }

  public String getSide() {
    return side;
  }

  public void setSide(String side) {
    this.side = "network".equals(side) ? "network" : "brand";
  }

  public String getStaff() {
    return staff;
  }

  public void setStaff(String staff) {
    this.staff = staff == null ? null : staff.strip();
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action == null ? null : action.strip();
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 10_000));
  }
}
