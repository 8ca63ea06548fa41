package org.parvis.console.security.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.AuthenticatorEnrolment;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;

/**
 * A staff member enrols their authenticator app (mandatory before any other console page), or moves
 * to a new one. The secret is drawn once per view and kept server-side with it.
 */
@Named
@ViewScoped
public class TwoFactorPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FacesContext faces;
  @Inject transient SecurityContext security;
  @Inject transient StaffSignIn staff;
  @Inject transient PageMessages messages;

  private final AuthenticatorEnrolment authenticator = new AuthenticatorEnrolment();
  private String code;
  private List<String> recoveryCodes = List.of();

  @Audited(value = "SECOND_FACTOR_ENROLLED", side = "brand")
  public void enrol() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var enrolment =
        staff.enrolSecondFactor(username(), authenticator.secret(), code, Clients.address(request));
    code = null;
    if (enrolment.problem().isPresent()) {
      messages.error(enrolment.problem().get());
      return;
    }
    recoveryCodes = enrolment.recoveryCodes();
    request.changeSessionId();
    StaffGate.signedInNow(request);
    request.getSession().removeAttribute(StaffGate.ENROLMENT_REQUIRED);
    messages.info("twoFactor.enrolled");
  }

  public boolean isRequired() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var session = request.getSession(false);
    return session != null && session.getAttribute(StaffGate.ENROLMENT_REQUIRED) != null;
  }

  public boolean isEnrolled() {
    return staff.hasSecondFactor(username());
  }

  public int getRecoveryCodesLeft() {
    return staff.recoveryCodesLeft(username());
  }

  public String getQrCode() {
    return authenticator.qrCode(" console", username());
  }

  public String getSecret() {
    return authenticator.grouped();
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  private String username() {
    return security.getCallerPrincipal().getName();
  }
}
