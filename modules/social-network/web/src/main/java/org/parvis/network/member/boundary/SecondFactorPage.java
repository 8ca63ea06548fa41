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

  /**
   * Before any authenticator is set up, the holder proves they read the mailbox on file: a password
   * alone (a hijacked account) must not be enough to attach the attacker's app. The code lives only
   * in this view's server-side state and in the mail.
   */
  public void mailCode() {
    // At most three mails per page, a minute apart: the button must not flood the holder's mailbox.
    if (codesMailed >= 3
        || (mailedAt != null && mailedAt.plusSeconds(60).isAfter(java.time.Instant.now()))) {
      messages.error("twoFactor.mailed.wait");
      return;
    }
    codesMailed++;
    mailedCode = org.parvis.kernel.api.security.OneTimeCodes.digits(8);
    mailedAt = java.time.Instant.now();
    codeAttempts = 0;
    accounts.mailEnrolmentCode(handle(), mailedCode, Clients.address(request()));
    messages.info("twoFactor.mailed");
  }

  /** Checks the mailed code: five tries within fifteen minutes, then a new code is needed. */
  public void proveMailbox() {
    boolean fresh =
        mailedCode != null
            && mailedAt.plus(java.time.Duration.ofMinutes(15)).isAfter(java.time.Instant.now())
            && codeAttempts < 5;
    codeAttempts++;
    String typed = emailCode == null ? "" : emailCode.replaceAll("[\\s-]", "");
    emailCode = null;
    if (fresh
        && java.security.MessageDigest.isEqual(
            typed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            mailedCode.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      mailboxProved = true;
      mailedCode = null;
      return;
    }
    messages.error(fresh ? "twoFactor.mailed.wrong" : "twoFactor.mailed.expired");
  }

  public boolean isMailboxProved() {
    return mailboxProved;
  }

  public boolean isCodeMailed() {
    return mailedCode != null;
  }

  public String getEmailCode() {
    return emailCode;
  }

  public void setEmailCode(String emailCode) {
    this.emailCode = emailCode;
  }

  private String mailedCode;
  private java.time.Instant mailedAt;
  private int codeAttempts;
  private int codesMailed;
  private boolean mailboxProved;
  private String emailCode;

  public void enrol() {
    if (!mailboxProved) {
      messages.error("twoFactor.mailed.first");
      return;
    }
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
