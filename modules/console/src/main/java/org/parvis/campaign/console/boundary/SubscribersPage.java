package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parvis.campaign.newsletter.control.Subscribers;
import org.parvis.campaign.newsletter.control.Subscribers.Subscriber;
import org.parvis.kernel.api.audit.AuditSubject;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.kernel.api.web.TablePage;

/**
 * Editors look up the newsletter's subscribers (searched by address, filtered by state, newest
 * first, the filter kept in the address) and take one off the list when they ask by letter or
 * phone.
 */
@Named
@RequestScoped
public class SubscribersPage {

  static final int PAGE_SIZE = 50;

  /** The states as the address names them. */
  private static final Map<String, String> STATES =
      Map.of(
          "en-attente", "PENDING",
          "confirmes", "CONFIRMED",
          "desinscrits", "UNSUBSCRIBED");

  @Inject ExternalContext external;
  @Inject Subscribers subscribers;
  @Inject AuditSubject subject;
  @Inject PageMessages messages;

  private String search = "";
  private String state = "";
  private String email = "";
  private TablePage<Subscriber> table;

  /** The filter and page from the address. */
  @PostConstruct
  void fromRequest() {
    var parameters = external.getRequestParameterMap();
    search = TablePage.search(parameters);
    state = STATES.containsKey(parameters.getOrDefault("etat", "")) ? parameters.get("etat") : "";
    table =
        TablePage.of(
            parameters, PAGE_SIZE, (first, size) -> subscribers.list(filter(), first, size));
  }

  private Subscribers.Filter filter() {
    return new Subscribers.Filter(search, STATES.get(state));
  }

  public TablePage<Subscriber> getTable() {
    return table;
  }

  /** How many subscribers match the filter. */
  public long getCount() {
    return subscribers.count(filter());
  }

  /** The filter as the pager's links carry it, encoded. */
  public String getFilterQuery() {
    return "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&etat=" + state;
  }

  /** The state of a subscriber as the address and the bundle name it. */
  public String stateOf(Subscriber subscriber) {
    return STATES.entrySet().stream()
        .filter(e -> e.getValue().equals(subscriber.status()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("en-attente");
  }

  /** The themes a subscriber chose, as the bundle's keys end. */
  public List<String> themesOf(Subscriber subscriber) {
    return subscriber.themes() == null || subscriber.themes().isBlank()
        ? List.of()
        : List.of(subscriber.themes().split(","));
  }

  /** Takes the typed address off the list; says so, or that no subscriber has it. */
  @Audited(value = "SUBSCRIBER_REMOVED", side = "brand")
  public String unsubscribe() {
    String address = email == null ? "" : email.strip();
    if (address.isEmpty() || address.length() > 254) {
      messages.errorOn("email", "subscribers.remove.invalid");
      return null;
    }
    var removed = subscribers.unsubscribe(address, Instant.now());
    if (removed.isEmpty()) {
      messages.errorOn("email", "subscribers.remove.unknown");
      return null;
    }
    // The trail names the row, not the address: an erasure later leaves no address behind.
    subject.about("id=" + removed.get());
    messages.info("subscribers.remove.done", address);
    messages.keepForNextPage();
    return "/staff/content/subscribers.xhtml?faces-redirect=true";
  }

  public List<String> getStates() {
    return List.of("en-attente", "confirmes", "desinscrits");
  }

  public String getSearch() {
    return search;
  }

  public String getState() {
    return state;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
