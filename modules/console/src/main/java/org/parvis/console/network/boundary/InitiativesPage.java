package org.parvis.console.network.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.web.TablePage;
import org.parvis.network.api.NetworkActivity;
import org.parvis.network.api.NetworkActivity.InitiativeFilter;
import org.parvis.network.api.NetworkActivity.InitiativeLine;
import org.parvis.network.api.NetworkActivity.InitiativeState;

/**
 * Staff look up the network's published initiatives: searched by title, filtered by state, scope
 * level and answer, sorted, counted and paged, the filter kept in the address (no author, no
 * signer: what the public pages show, hidden ones included).
 */
@Named
@RequestScoped
public class InitiativesPage {

  static final int PAGE_SIZE = 50;

  /** The states as the address names them. */
  private static final Map<String, InitiativeState> STATES =
      Map.of(
          "ouvertes", InitiativeState.OPEN,
          "objectif-atteint", InitiativeState.ACHIEVED,
          "closes", InitiativeState.CLOSED,
          "retirees", InitiativeState.WITHDRAWN,
          "masquees", InitiativeState.HIDDEN);

  /** The orders as the address names them. */
  private static final Map<String, NetworkActivity.Order> ORDERS =
      Map.of(
          "recentes", NetworkActivity.Order.RECENT,
          "anciennes", NetworkActivity.Order.OLDEST,
          "signatures", NetworkActivity.Order.SIGNATURES);

  @Inject NetworkActivity activity;
  @Inject ExternalContext external;

  private String search = "";
  private String state = "";
  private String scope = "";
  private boolean unanswered;
  private String order = "recentes";
  private TablePage<InitiativeLine> table;

  /** The filter and page from the address. */
  @PostConstruct
  void fromRequest() {
    var parameters = external.getRequestParameterMap();
    search = TablePage.search(parameters);
    // Immutable maps and lists throw on null: a missing parameter is read as "".
    state = STATES.containsKey(parameters.getOrDefault("etat", "")) ? parameters.get("etat") : "";
    String asked = parameters.getOrDefault("echelon", "");
    scope = getScopes().contains(asked) ? asked : "";
    unanswered = "1".equals(parameters.get("sansReponse"));
    order =
        ORDERS.containsKey(parameters.getOrDefault("tri", "")) ? parameters.get("tri") : "recentes";
    table =
        TablePage.of(
            parameters, PAGE_SIZE, (first, size) -> activity.initiatives(filter(), first, size));
  }

  private InitiativeFilter filter() {
    return new InitiativeFilter(
        search, STATES.get(state), scope.isEmpty() ? null : scope, unanswered, ORDERS.get(order));
  }

  /** The initiatives of the page shown. */
  public TablePage<InitiativeLine> getTable() {
    return table;
  }

  /** How many initiatives match the filter. */
  public long getCount() {
    return activity.countInitiatives(filter());
  }

  /** The filter as the pager's links carry it, encoded. */
  public String getFilterQuery() {
    return "q="
        + URLEncoder.encode(search, StandardCharsets.UTF_8)
        + "&etat="
        + state
        + "&echelon="
        + scope
        + (unanswered ? "&sansReponse=1" : "")
        + "&tri="
        + order;
  }

  /**
   * The state a line is shown in, as the bundle's key ends ({@code ouvertes}, {@code masquees}…):
   * hidden by moderation first, since it overrides what its status says.
   */
  public String stateOf(InitiativeLine line) {
    if (line.hidden()) {
      return "masquees";
    }
    return switch (line.status()) {
      case "ACHIEVED" -> "objectif-atteint";
      case "CLOSED" -> "closes";
      case "WITHDRAWN" -> "retirees";
      default -> "ouvertes";
    };
  }

  /** The Paris day an instant falls on, null for none. */
  public java.time.LocalDate day(java.time.Instant at) {
    return at == null ? null : at.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
  }

  public List<String> getStates() {
    return List.of("ouvertes", "objectif-atteint", "closes", "retirees", "masquees");
  }

  public List<String> getScopes() {
    return List.of("COMMUNE", "DEPARTEMENT", "REGION", "NATIONAL");
  }

  public List<String> getOrders() {
    return List.of("recentes", "anciennes", "signatures");
  }

  public String getSearch() {
    return search;
  }

  public String getState() {
    return state;
  }

  public String getScope() {
    return scope;
  }

  public boolean isUnanswered() {
    return unanswered;
  }

  public String getOrder() {
    return order;
  }
}
