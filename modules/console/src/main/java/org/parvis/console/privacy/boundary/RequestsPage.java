package org.parvis.console.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.PrivacyRequest;

/**
 * The DPO's register of requests received by letter, mail, phone or in person: the list (open ones
 * first, by legal deadline, those past it marked) and the form to record a new one on the side it
 * concerns.
 */
@Named
@RequestScoped
public class RequestsPage {

  static final int PAGE_SIZE = 25;

  @Inject PrivacyRegisters registers;
  @Inject org.parvis.kernel.api.audit.AuditSubject audit;
  @Inject SecurityContext security;
  @Inject PageMessages messages;
  @Inject FacesContext faces;

  private List<PrivacyRequest> requests;
  private String side = DataSide.NETWORK.name();
  private String kind;
  private String channel;
  private String requester;
  private String subject;
  private String receivedOn = today().toString();

  static LocalDate today() {
    return LocalDate.now(PrivacyRequest.PARIS);
  }

  public int getPage() {
    try {
      String value = faces.getExternalContext().getRequestParameterMap().get("page");
      return value == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(value)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public List<PrivacyRequest> getRequests() {
    if (requests == null) {
      requests = registers.page(getPage(), PAGE_SIZE + 1);
    }
    return requests.size() > PAGE_SIZE ? requests.subList(0, PAGE_SIZE) : requests;
  }

  public boolean isMore() {
    getRequests();
    return requests.size() > PAGE_SIZE;
  }

  public boolean overdue(PrivacyRequest request) {
    return request.overdue(today());
  }

  @Audited(value = "PRIVACY_REQUEST_RECORDED", side = "brand")
  public String record() {
    var received =
        new PrivacyRequest.Received(
            parse(DataSide.class, side),
            parse(PrivacyRequest.Kind.class, kind),
            parse(PrivacyRequest.Channel.class, channel),
            requester,
            subject,
            date(receivedOn));
    var problems = PrivacyRequest.problems(received, today());
    var register = received.side() == null ? null : registers.of(received.side()).orElse(null);
    if (register == null && !problems.containsKey("side")) {
      problems.put("side", "request.side.required");
    }
    if (!problems.isEmpty()) {
      problems.forEach(messages::errorOn);
      messages.error("request.invalid");
      return null;
    }
    long id = register.record(received, security.getCallerPrincipal().getName(), Instant.now());
    audit.about(side + " id=" + id);
    messages.info("request.recorded");
    messages.keepForNextPage();
    return "/staff/privacy/request.xhtml?faces-redirect=true&side=" + side + "&id=" + id;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public String getSide() {
    return side;
  }

  public void setSide(String side) {
    this.side = side;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getRequester() {
    return requester;
  }

  public void setRequester(String requester) {
    this.requester = requester;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(String receivedOn) {
    this.receivedOn = receivedOn;
  }

  public String getToday() {
    return today().toString();
  }
}
