package org.parvis.console.privacy.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.PrivacyRequest;
import org.parvis.privacy.api.PrivacyRequests;

/**
 * One request of the register: the DPO moves it on (in progress, done, refused), writes the action
 * taken and the proof sent, and may extend the deadline once, with a reason (art. 12(3)).
 */
@Named
@RequestScoped
public class RequestPage {

  @Inject PrivacyRegisters registers;
  @Inject SecurityContext security;
  @Inject PageMessages messages;
  @Inject FacesContext faces;

  private PrivacyRequests register;
  private PrivacyRequest request;
  private String status;
  private String action;
  private String proof;
  private String extensionReason;

  @PostConstruct
  void fromAddress() {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    DataSide side = RequestsPage.parse(DataSide.class, parameters.get("side"));
    long id;
    try {
      id = Long.parseLong(String.valueOf(parameters.get("id")));
    } catch (NumberFormatException e) {
      return;
    }
    register = side == null ? null : registers.of(side).orElse(null);
    request = register == null ? null : register.find(id).orElse(null);
    if (request != null) {
      status = request.status().name();
      action = request.action();
      proof = request.proof();
    }
  }

  /** An unknown request is a 404, not an empty page. */
  public void check() throws IOException {
    if (request == null) {
      faces.getExternalContext().responseSendError(404, "");
      faces.responseComplete();
    }
  }

  public String save() {
    if (request == null) {
      messages.error("request.unknown");
      return null;
    }
    var handling =
        new PrivacyRequest.Handling(
            RequestsPage.parse(PrivacyRequest.Status.class, status),
            action,
            proof,
            extensionReason);
    var problems = request.problems(handling);
    if (!problems.isEmpty()) {
      problems.forEach(messages::errorOn);
      messages.error("request.invalid");
      return null;
    }
    register.handle(request.id(), handling, security.getCallerPrincipal().getName(), Instant.now());
    messages.info("request.saved");
    messages.keepForNextPage();
    return "/staff/privacy/request.xhtml?faces-redirect=true&side="
        + request.side()
        + "&id="
        + request.id();
  }

  public PrivacyRequest getRequest() {
    return request;
  }

  public boolean isOverdue() {
    return request != null && request.overdue(RequestsPage.today());
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getProof() {
    return proof;
  }

  public void setProof(String proof) {
    this.proof = proof;
  }

  public String getExtensionReason() {
    return extensionReason;
  }

  public void setExtensionReason(String extensionReason) {
    this.extensionReason = extensionReason;
  }
}
