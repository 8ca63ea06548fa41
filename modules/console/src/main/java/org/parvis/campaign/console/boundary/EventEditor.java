package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;

/** Editors put events in the agenda, change them (calendars follow) or cancel them. */
@Named
@RequestScoped
public class EventEditor {

  @Inject FacesContext faces;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject Agenda agenda;
  @Inject PageMessages messages;

  private Long id;
  private Agenda.Event event;
  private String title;
  private String kind = "MEETING";
  private String starts;
  private String ends;
  private String place;
  private String onlineUrl;
  private String territoryKind = "COMMUNE";
  private String territoryCode;
  private String description;
  private boolean registration;

  @PostConstruct
  void fromAddress() {
    id = EditedRow.id(faces);
    event = id == null ? null : agenda.event(id).orElse(null);
    if (event == null) {
      id = null;
      return;
    }
    title = event.title();
    kind = event.kind().name();
    starts = event.startsAt().atZone(Agenda.PARIS).toLocalDateTime().toString();
    ends = event.endsAt().atZone(Agenda.PARIS).toLocalDateTime().toString();
    place = event.place();
    onlineUrl = event.onlineUrl();
    territoryKind = event.territoryKind();
    territoryCode = event.territoryCode();
    description = event.description();
    registration = event.registration();
  }

  private List<Agenda.Event> events;
  private final java.time.Instant now = java.time.Instant.now();

  private String parameter(String name) {
    Object value = faces.getExternalContext().getRequestParameterMap().get(name);
    return value == null ? "" : value.toString();
  }

  /** The list's filter from the address: {@code ?quand=a-venir|passes}, all otherwise. */
  public String getWhen() {
    String asked = parameter("quand");
    return getWhens().contains(asked) ? asked : "";
  }

  public List<String> getWhens() {
    return List.of("", "a-venir", "passes");
  }

  private Agenda.When when() {
    return switch (getWhen()) {
      case "a-venir" -> Agenda.When.UPCOMING;
      case "passes" -> Agenda.When.PAST;
      default -> Agenda.When.ALL;
    };
  }

  /** The page from the address ({@code &page=}), 0 when missing or not a number. */
  public int getPage() {
    try {
      return Math.max(0, Math.min(Integer.parseInt(parameter("page")), 100_000));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** One page of the list, 30 rows. */
  public List<Agenda.Event> getEvents() {
    if (events == null) {
      events = agenda.forEditors(when(), getPage(), now);
    }
    return events.size() > 30 ? events.subList(0, 30) : events;
  }

  /** Whether a next page exists (the list read one row more than it shows). */
  public boolean isMore() {
    getEvents();
    return events.size() > 30;
  }

  public long getCount() {
    return agenda.count(when(), now);
  }

  public long getRegistrations() {
    return event == null ? 0 : agenda.registrations(event.id());
  }

  @Audited(value = "EVENT_SAVED", side = "brand")
  public String save() {
    var saved =
        agenda.save(
            id,
            new Agenda.Draft(
                title,
                kind,
                time(starts),
                time(ends),
                place,
                onlineUrl,
                territoryKind,
                territoryCode,
                description,
                registration),
            Instant.now());
    if (!saved.ok()) {
      saved.problems().forEach((field, key) -> messages.errorOn(field, key));
      return null;
    }
    subject.about("id=" + saved.id());
    messages.info("event.saved");
    messages.keepForNextPage();
    return "/staff/content/event.xhtml?faces-redirect=true&id=" + saved.id();
  }

  @Audited(value = "EVENT_CANCELLED", side = "brand")
  public String cancel() {
    if (id == null || !agenda.cancel(id, Instant.now())) {
      messages.error("event.cancel.invalid");
      return null;
    }
    messages.info("event.cancelled.done");
    messages.keepForNextPage();
    return "/staff/content/event.xhtml?faces-redirect=true&id=" + id;
  }

  private static LocalDateTime time(String typed) {
    try {
      return typed == null || typed.isBlank() ? null : LocalDateTime.parse(typed.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public Agenda.Event getEvent() {
    return event;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getStarts() {
    return starts;
  }

  public void setStarts(String starts) {
    this.starts = starts;
  }

  public String getEnds() {
    return ends;
  }

  public void setEnds(String ends) {
    this.ends = ends;
  }

  public String getPlace() {
    return place;
  }

  public void setPlace(String place) {
    this.place = place;
  }

  public String getOnlineUrl() {
    return onlineUrl;
  }

  public void setOnlineUrl(String onlineUrl) {
    this.onlineUrl = onlineUrl;
  }

  public String getTerritoryKind() {
    return territoryKind;
  }

  public void setTerritoryKind(String territoryKind) {
    this.territoryKind = territoryKind;
  }

  public String getTerritoryCode() {
    return territoryCode;
  }

  public void setTerritoryCode(String territoryCode) {
    this.territoryCode = territoryCode;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isRegistration() {
    return registration;
  }

  public void setRegistration(boolean registration) {
    this.registration = registration;
  }
}
