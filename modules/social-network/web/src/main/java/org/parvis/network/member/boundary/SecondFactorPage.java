package org.parvis.network.member.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.parvis.kernel.api.web.AuthenticatorEnrolment;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.member.control.MemberAccounts.SecondFactorState;

/**
 * A member turns on two-factor authentication (optional; mandatory for verified officials), moves
 * it to a new app, or turns it off. The secret is drawn once per view and kept server-side with it.
 */
@Named
@ViewScoped
public class SecondFactorPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient FacesContext faces;
  @Inject transient SecurityContext security;
  @Inject transient MemberAccounts accounts;
  @Inject transient PageMessages messages;

  private final AuthenticatorEnrolment authenticator = new AuthenticatorEnrolment();
  private String code;
  private List<String> recoveryCodes = List.of();
  private transient SecondFactorState state;

  public void enrol() {
    var request = request();
    var enrolment =
        accounts.enrolSecondFactor(
            handle(), authenticator.secret(), code, Clients.address(request));
    code = null;
    state = null;
    if (enrolment.problem().isPresent()) {
      messages.error(enrolment.problem().get());
      return;
    }
    recoveryCodes = enrolment.recoveryCodes();
    request.changeSessionId();
    request.getSession().removeAttribute(MemberGate.ENROLMENT_REQUIRED);
    messages.info("twoFactor.enrolled");
  }

  public void disable() {
    var session = request().getSession(false);
    Object current = session == null ? null : session.getAttribute(MemberGate.SESSION_KEY);
    var problem =
        accounts.disableSecondFactor(
            handle(), code, Clients.address(request()), current instanceof String key ? key : null);
    code = null;
    state = null;
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info("twoFactor.disabled");
  }

  public SecondFactorState getState() {
    if (state == null) {
      state = accounts.secondFactorState(handle());
    }
    return state;
  }

  public String getQrCode() {
    return authenticator.qrCode("", "@" + handle());
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

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  private String handle() {
    return security.getCallerPrincipal().getName();
  }
}
