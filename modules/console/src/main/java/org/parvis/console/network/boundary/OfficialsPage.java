package org.parvis.console.network.boundary;

import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
public class OfficialsPage {

  static final int PAGE_SIZE = 50;

  @Inject SecurityContext security;
  @Inject Officials officials;
  @Inject PageMessages messages;

  private int page;
  private List<Mandate> mandates;
  private String handle;
  private String title;
  private String territoryKind = "COMMUNE";
  private String territoryCode;
  private LocalDate endsOn;
  private LocalDate newEnd;

  public List<Mandate> getMandates() {
    if (mandates == null) {
      mandates = officials.list(page * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return mandates.size() > PAGE_SIZE ? mandates.subList(0, PAGE_SIZE) : mandates;
  }

  public boolean isNextPage() {
    getMandates();
    return mandates.size() > PAGE_SIZE;
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
