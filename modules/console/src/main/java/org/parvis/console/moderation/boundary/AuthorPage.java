package org.parvis.console.moderation.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.moderation.api.Authors;

/**
 * Moderators' view of an author: what moderation looked at, their standing, their sanctions; warn,
 * suspend for some days, ban, or lift a sanction early, always with a statement.
 */
@Named
@RequestScoped
public class AuthorPage {

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject Authors authors;
  @Inject PageMessages messages;

  private long member;
  private Authors.Record record;
  private String kind;
  private int days = 7;
  private String statement;
  private String liftStatement;
  private Long sanctionToLift;

  @PostConstruct
  void fromAddress() {
    try {
      member =
          Long.parseLong(
              String.valueOf(faces.getExternalContext().getRequestParameterMap().get("member")));
    } catch (NumberFormatException e) {
      member = -1;
    }
  }

  public Authors.Record getRecord() {
    if (record == null && member > 0) {
      record = authors.record(member);
    }
    return record;
  }

  /** The sanctions still in force, which may be lifted early. */
  public java.util.List<Authors.Sanction> getActiveSanctions() {
    var r = getRecord();
    return r == null
        ? java.util.List.of()
        : r.sanctions().stream().filter(s -> s.active(Instant.now())).toList();
  }

  @Audited(value = "SANCTION_GIVEN", side = "network")
  public String sanction() {
    var problem =
        authors.sanction(security.getCallerPrincipal().getName(), member, kind, days, statement);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("sanction.imposed");
    messages.keepForNextPage();
    return "/staff/moderation/author.xhtml?faces-redirect=true&member=" + member;
  }

  @Audited(value = "SANCTION_LIFTED", side = "network")
  public String lift() {
    long sanctionId = sanctionToLift == null ? -1 : sanctionToLift;
    var problem = authors.lift(security.getCallerPrincipal().getName(), sanctionId, liftStatement);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("sanction.lifted");
    messages.keepForNextPage();
    return "/staff/moderation/author.xhtml?faces-redirect=true&member=" + member;
  }

  public long getMember() {
    return member;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public String getStatement() {
    return statement;
  }

  public void setStatement(String statement) {
    this.statement = statement;
  }

  public Long getSanctionToLift() {
    return sanctionToLift;
  }

  public void setSanctionToLift(Long sanctionToLift) {
    this.sanctionToLift = sanctionToLift;
  }

  /** The statement given for lifting a sanction early. */
  public String getLiftStatement() {
    return liftStatement;
  }

  public void setLiftStatement(String liftStatement) {
    this.liftStatement = liftStatement;
  }
}
