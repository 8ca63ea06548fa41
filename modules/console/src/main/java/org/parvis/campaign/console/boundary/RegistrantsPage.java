package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.campaign.agenda.control.Registrants;
import org.parvis.campaign.api.EventRegistrants.Registrant;
import org.parvis.kernel.api.web.TablePage;

/**
 * Who registered to an event ({@code ?id=}), as the editors welcoming them need it: searched by
 * name or address, in the order they came, counted and paged, the filter kept in the address.
 */
@Named
@RequestScoped
public class RegistrantsPage {

  static final int PAGE_SIZE = 50;

  @Inject FacesContext faces;
  @Inject Agenda agenda;
  @Inject Registrants registrants;

  private Agenda.Event event;
  private String search = "";
  private TablePage<Registrant> table;

  /** The event, filter and page from the address. */
  @PostConstruct
  void fromRequest() {
    Long id = EditedRow.id(faces);
    event = id == null ? null : agenda.event(id).orElse(null);
    var parameters = faces.getExternalContext().getRequestParameterMap();
    search = TablePage.search(parameters);
    table =
        TablePage.of(
            parameters,
            PAGE_SIZE,
            (first, size) ->
                event == null ? List.of() : registrants.list(event.id(), search, first, size));
  }

  /** An unknown event is a 404, not an empty page. */
  public void check() throws java.io.IOException {
    if (event == null) {
      faces.getExternalContext().responseSendError(404, "");
      faces.responseComplete();
    }
  }

  /** The event, null when the address names none. */
  public Agenda.Event getEvent() {
    return event;
  }

  public TablePage<Registrant> getTable() {
    return table;
  }

  /** How many registrants match the search. */
  public long getCount() {
    return event == null ? 0 : registrants.count(event.id(), search);
  }

  /** The event and filter as the pager's links carry them, encoded. */
  public String getFilterQuery() {
    return "id="
        + (event == null ? "" : event.id())
        + "&q="
        + URLEncoder.encode(search, StandardCharsets.UTF_8);
  }

  public String getSearch() {
    return search;
  }
}
