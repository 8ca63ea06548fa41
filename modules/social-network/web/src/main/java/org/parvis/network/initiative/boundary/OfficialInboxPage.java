package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.member.boundary.CurrentMember;

/** An official's inbox: the initiatives of their territory waiting for their answer. */
@Named
@RequestScoped
public class OfficialInboxPage {

  @Inject CurrentMember member;
  @Inject OfficialRouting routing;

  private int page;
  private List<Initiatives.Summary> items;

  public List<Initiatives.Summary> getItems() {
    if (items == null) {
      items = routing.inbox(member.handle(), page * Initiatives.PAGE_SIZE, Initiatives.PAGE_SIZE);
    }
    return items;
  }

  public boolean isMore() {
    return getItems().size() == Initiatives.PAGE_SIZE;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
