package org.parvis.network.report.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.AppealDesk;
import org.parvis.network.api.AppealDesk.Exchange;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.Members;

/**
 * The author of an item moderators hid sees the decision and its reasons, appeals once with a text,
 * then reads the second moderator's answer.
 */
@Named
@RequestScoped
public class AppealPage {

  @Inject FacesContext faces;
  @Inject CurrentMember current;
  @Inject Members members;
  @Inject Instance<AppealDesk> desk;
  @Inject PageMessages messages;

  private String kind;
  private long id;
  private String text;
  private Exchange exchange;
  private Long memberId;

  @PostConstruct
  void fromAddress() {
    var address = ItemAddress.from(faces.getExternalContext().getRequestParameterMap());
    kind = address.kind();
    id = address.id();
  }

  /** 404 unless the signed-in member is the author of an item a moderator decided on. */
  public void load() throws IOException {
    if (getExchange() == null) {
      faces.getExternalContext().responseSendError(404, "no decision on such an item of yours");
      faces.responseComplete();
    }
  }

  public Exchange getExchange() {
    if (exchange == null && id > 0 && desk.isResolvable() && memberId() != null) {
      exchange = desk.get().exchange(kind, id, memberId()).orElse(null);
    }
    return exchange;
  }

  public String send() {
    if (memberId() == null || !desk.isResolvable()) {
      messages.error("appeal.not-possible");
      return null;
    }
    var problem = desk.get().appeal(kind, id, memberId(), text);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("appeal.sent");
    messages.keepForNextPage();
    return "/compte/recours.xhtml?faces-redirect=true&type=" + kind + "&id=" + id;
  }

  private Long memberId() {
    if (memberId == null && current.isSignedIn()) {
      memberId = members.confirmed(current.handle()).map(m -> m.id()).orElse(null);
    }
    return memberId;
  }

  public String getKind() {
    return kind;
  }

  public long getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
