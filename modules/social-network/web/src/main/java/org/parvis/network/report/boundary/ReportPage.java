package org.parvis.network.report.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.PublishedContents;
import org.parvis.network.api.PublishedContents.Content;
import org.parvis.network.api.ReportDesk;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.Members;

/**
 * A member reports an initiative, a comment, an official's answer or a profile (an offensive name)
 * to the moderators, with a reason from the charter and, if they wish, a few words. One report per
 * member and item.
 */
@Named
@RequestScoped
public class ReportPage {

  @Inject FacesContext faces;
  @Inject CurrentMember current;
  @Inject Members members;
  @Inject PublishedContents contents;
  @Inject Instance<ReportDesk> desk;
  @Inject PageMessages messages;

  private String kind;
  private long id;
  private String reason;
  private String details;
  private Content content;

  /**
   * The item comes from the address, or from hidden fields on the form's postback; a profile is
   * addressed by its handle ({@code type=PROFILE&pseudo=}), the form then carries the member's id.
   */
  @PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    var address = ItemAddress.from(parameters);
    kind = address.kind();
    id = address.id();
    if ("PROFILE".equals(kind) && id < 0 && parameters.get("pseudo") != null) {
      id = members.confirmed(parameters.get("pseudo")).map(m -> m.id()).orElse(-1L);
    }
  }

  /** Answers 404 for an unknown item. */
  public void load() throws IOException {
    if (getContent() == null) {
      faces.getExternalContext().responseSendError(404, "no such item");
      faces.responseComplete();
    }
  }

  public Content getContent() {
    if (content == null && id > 0) {
      content = contents.content(kind, id).orElse(null);
    }
    return content;
  }

  public List<String> getReasons() {
    return Arrays.stream(ReportDesk.Reason.values()).map(Enum::name).toList();
  }

  public String send() {
    var member = members.confirmed(current.handle());
    var c = getContent();
    if (member.isEmpty() || c == null) {
      messages.error("report.invalid");
      return null;
    }
    if (!desk.isResolvable()) {
      messages.error("report.unavailable");
      return null;
    }
    ReportDesk.Reason why;
    try {
      why = ReportDesk.Reason.valueOf(String.valueOf(reason));
    } catch (IllegalArgumentException e) {
      messages.errorOn("reason", "report.reason.required");
      return null;
    }
    var problem =
        desk.get()
            .report(
                c.kind(),
                c.id(),
                c.initiativeId(),
                c.authorId(),
                member.get().id(),
                Duration.between(member.get().createdAt(), Instant.now()),
                why,
                details);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("report.sent");
    messages.keepForNextPage();
    if ("PROFILE".equals(c.kind())) {
      return "/membres/profil.xhtml?faces-redirect=true&pseudo="
          + contents.handle(c.id()).orElse("");
    }
    return "/initiatives/voir.xhtml?faces-redirect=true&id=" + c.initiativeId();
  }

  public String getKind() {
    return kind;
  }

  public long getId() {
    return id;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }
}
