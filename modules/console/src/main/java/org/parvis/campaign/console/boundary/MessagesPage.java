package org.parvis.campaign.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.campaign.contact.control.ContactDesk;

/**
 * The messages people sent through the brand site's contact and volunteering forms, for editors:
 * one kind or all ({@code ?type=contact|benevolat}), newest first, 30 a page ({@code &page=}), the
 * filter kept in the address, with their count.
 */
@Named
@RequestScoped
public class MessagesPage {

  @Inject ContactDesk contacts;

  private String type = "";
  private int page;
  private List<ContactDesk.Message> rows;

  /** The kinds as the address names them, "" for all. */
  public List<String> getTypes() {
    return List.of("", "contact", "benevolat");
  }

  private ContactDesk.Kind kind() {
    return switch (type) {
      case "contact" -> ContactDesk.Kind.CONTACT;
      case "benevolat" -> ContactDesk.Kind.VOLUNTEER;
      default -> null;
    };
  }

  public List<ContactDesk.Message> getMessages() {
    if (rows == null) {
      rows = contacts.recent(kind(), page);
    }
    return rows.size() > ContactDesk.PAGE_SIZE ? rows.subList(0, ContactDesk.PAGE_SIZE) : rows;
  }

  public boolean isMore() {
    getMessages();
    return rows.size() > ContactDesk.PAGE_SIZE;
  }

  public long getCount() {
    return contacts.count(kind());
  }

  public String getType() {
    return type;
  }

  /** An unknown kind shows them all. */
  public void setType(String type) {
    this.type = type != null && getTypes().contains(type) ? type : "";
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 100_000));
  }
}
