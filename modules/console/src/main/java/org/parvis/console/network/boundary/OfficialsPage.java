package org.parvis.console.network.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.Officials;
import org.parvis.network.api.Officials.Mandate;

/** Administrators grant, renew and revoke the verified mandates of members (network side). */
@Named
@ViewScoped
public class OfficialsPage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 50;

  @Inject SecurityContext security;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject Officials officials;
  @Inject PageMessages messages;
  @Inject jakarta.faces.context.ExternalContext external;

  private int page;

  /**
   * The list's filter and page, from the address when the page is opened. The bean lives as long as
   * the page (view scope): a button acts on the row it was shown on, even if another administrator
   * granted a mandate meanwhile (rows read again on the post could stand in another order).
   */
  @jakarta.annotation.PostConstruct
  void fromRequest() {
    var parameters = external.getRequestParameterMap();
    setSearch(parameters.get("q"));
    setKindShown(parameters.get("echelon"));
    setOrder(parameters.get("tri"));
    try {
      setPage(Integer.parseInt(String.valueOf(parameters.get("page"))));
    } catch (NumberFormatException e) {
      setPage(0);
    }
  }

  private transient List<Mandate> mandates;
  private String handle;
  private String title;
  private String territoryKind = "COMMUNE";
  private String territoryCode;
  private LocalDate endsOn;
  private LocalDate newEnd;

  public List<Mandate> getMandates() {
    if (mandates == null) {
      mandates = officials.list(filter(), page * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return mandates.size() > PAGE_SIZE ? mandates.subList(0, PAGE_SIZE) : mandates;
  }

  public boolean isNextPage() {
    getMandates();
    return mandates.size() > PAGE_SIZE;
  }

  private String search = "";
  private String kindShown = "";
  private String order = "fin";

  private Officials.Filter filter() {
    return new Officials.Filter(
        search,
        kindShown,
        switch (order) {
          case "territoire" -> Officials.Order.TERRITORY;
          case "nom" -> Officials.Order.NAME;
          default -> Officials.Order.END;
        });
  }

  /** The filter as the pager's links carry it, encoded ({@code q=…&echelon=…&tri=…}). */
  public String getFilterQuery() {
    return "q="
        + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)
        + "&echelon="
        + kindShown
        + "&tri="
        + order;
  }

  /** How many mandates in force match the filter. */
  public long getCount() {
    return officials.count(filter());
  }

  /** The orders the list offers, as the address names them. */
  public List<String> getOrders() {
    return List.of("fin", "territoire", "nom");
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    String words = search == null ? "" : search.strip();
    this.search = words.length() > 100 ? words.substring(0, 100) : words;
  }

  /** The level of territory the list is filtered on, "" for all. */
  public String getKindShown() {
    return kindShown;
  }

  public void setKindShown(String kind) {
    this.kindShown = kind != null && getTerritoryKinds().contains(kind) ? kind : "";
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order != null && getOrders().contains(order) ? order : "fin";
  }

  public List<String> getTerritoryKinds() {
    return List.of("COMMUNE", "DEPARTEMENT", "REGION", "NATIONAL");
  }

  @Audited(value = "MANDATE_GRANTED", side = "network")
  public void grant() {
    var problem = officials.grant(staff(), handle, title, territoryKind, territoryCode, endsOn);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    subject.about(handle);
    messages.info("official.granted", handle, title);
    mandates = null;
    handle = null;
    title = null;
    territoryCode = null;
    endsOn = null;
  }

  @Audited(value = "MANDATE_RENEWED", side = "network")
  public void renew(long mandateId) {
    report(officials.renew(staff(), mandateId, newEnd), "official.renewed");
  }

  @Audited(value = "MANDATE_REVOKED", side = "network")
  public void revoke(long mandateId) {
    report(officials.revoke(staff(), mandateId), "official.revoked");
  }

  private void report(java.util.Optional<String> problem, String done) {
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info(done);
    mandates = null;
  }

  private String staff() {
    return security.getCallerPrincipal().getName();
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 10_000));
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
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

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public LocalDate getNewEnd() {
    return newEnd;
  }

  public void setNewEnd(LocalDate newEnd) {
    this.newEnd = newEnd;
  }
}
