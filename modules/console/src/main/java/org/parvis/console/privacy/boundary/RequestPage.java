package org.parvis.console.privacy.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parvis.kernel.api.audit.Audited;
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
  private boolean deleteContributions;
  private boolean confirmErasure;

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

  @Audited(value = "PRIVACY_REQUEST_HANDLED", side = "brand")
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
    register.handle(request.id(), handling, staff(), Instant.now());
    messages.info("request.saved");
    messages.keepForNextPage();
    return "/staff/privacy/request.xhtml?faces-redirect=true&side="
        + request.side()
        + "&id="
        + request.id();
  }

  /**
   * The DPO downloads, as JSON, everything the side holds about the person (to send it to them);
   * the request notes it.
   */
  @Audited(value = "PERSONAL_DATA_EXPORTED", side = "brand")
  public String download() throws IOException {
    if (request == null || request.status().closed()) {
      return null;
    }
    var data = register.dataOf(request.id());
    if (data.isEmpty()) {
      messages.error("request.subject.unknown");
      return null;
    }
    var document = new LinkedHashMap<String, Object>();
    document.put("exportedAt", Instant.now().toString());
    document.put("side", request.side().name());
    document.put("subject", request.subject());
    document.put("data", data.get());
    String json;
    try (var jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      json = jsonb.toJson(document);
    } catch (Exception e) {
      throw new IOException("export not written", e);
    }
    register.note(
        request.id(), messages.text("request.note.exported", today()), staff(), Instant.now());
    var external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("application/json;charset=UTF-8");
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"donnees-demande-"
            + request.side().name().toLowerCase()
            + "-"
            + request.id()
            + ".json\"");
    external.setResponseHeader("Cache-Control", "no-store");
    external.getResponseOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    faces.responseComplete();
    return null;
  }

  /** The DPO carries out an erasure request: the person's data on this side goes for good. */
  @Audited(value = "ERASURE_CARRIED_OUT", side = "brand")
  public String erase() {
    if (request == null || request.status().closed()) {
      return null;
    }
    if (!confirmErasure) {
      messages.errorOn("confirmErasure", "request.erase.confirm.required");
      return null;
    }
    if (!register.erase(request.id(), deleteContributions, Instant.now())) {
      messages.error("request.subject.unknown");
      return null;
    }
    register.note(
        request.id(),
        messages.text(
            deleteContributions ? "request.note.erased.deleted" : "request.note.erased", today()),
        staff(),
        Instant.now());
    messages.info("request.erased");
    messages.keepForNextPage();
    return "/staff/privacy/request.xhtml?faces-redirect=true&side="
        + request.side()
        + "&id="
        + request.id();
  }

  private String staff() {
    return security.getCallerPrincipal().getName();
  }

  private static String today() {
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
        .format(java.time.ZonedDateTime.now(PrivacyRequest.PARIS));
  }

  public boolean isDeleteContributions() {
    return deleteContributions;
  }

  public void setDeleteContributions(boolean deleteContributions) {
    this.deleteContributions = deleteContributions;
  }

  public boolean isConfirmErasure() {
    return confirmErasure;
  }

  public void setConfirmErasure(boolean confirmErasure) {
    this.confirmErasure = confirmErasure;
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
