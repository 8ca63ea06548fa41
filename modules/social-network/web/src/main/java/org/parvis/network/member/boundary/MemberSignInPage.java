package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.DeviceCookie;
import org.parvis.kernel.api.web.FormSignIn;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.kernel.api.web.PendingSecondFactor;
import org.parvis.network.mail.boundary.OutboxDelivery;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.member.control.MemberSessions;

/** Members sign in with their email and password, and sign out. */
@Named
@RequestScoped
public class MemberSignInPage {

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject MemberAccounts accounts;
  @Inject MemberSessions sessions;
  @Inject OutboxDelivery outbox;
  @Inject PageMessages messages;

  private String email;
  private String code;
  private String password;

  public String signIn() {
    var request = request();
    var result =
        accounts.signIn(
            email,
            password == null ? new char[0] : password.toCharArray(),
            Clients.address(request),
            DeviceCookie.read(request, DEVICE_COOKIE));
    password = null;
    switch (result.status()) {
      case THROTTLED -> {
        messages.error("signin.throttled", Math.max(1, result.retryAfter().toSeconds()));
        return null;
      }
      case UNCONFIRMED -> {
        messages.error("signin.unconfirmed");
        return null;
      }
      case REFUSED -> {
        messages.error("signin.failed");
        return null;
      }
      case SECOND_FACTOR_NEEDED -> {
        PendingSecondFactor.start(request, result.handle());
        return null;
      }
      default -> {
        return startSession(result);
      }
    }
  }

  /** The second step: a code from the authenticator app, or a recovery code. */
  public String confirmSecondFactor() {
    var request = request();
    var pending = PendingSecondFactor.of(request);
    if (pending.isEmpty()) {
      messages.error("twoFactor.expired");
      return null;
    }
    var result = accounts.secondFactor(pending.get().account(), code, Clients.address(request));
    code = null;
    switch (result.status()) {
      case THROTTLED -> {
        messages.error("signin.throttled", Math.max(1, result.retryAfter().toSeconds()));
        return null;
      }
      case SIGNED_IN -> {
        PendingSecondFactor.clear(request);
        return startSession(result);
      }
      default -> {
        messages.error("twoFactor.code.wrong");
        return null;
      }
    }
  }

  public String cancelSecondFactor() {
    PendingSecondFactor.clear(request());
    return "/connexion.xhtml?faces-redirect=true";
  }

  public boolean isSecondStep() {
    return PendingSecondFactor.of(request()).isPresent();
  }

  private String startSession(MemberAccounts.SignIn result) {
    var request = request();
    // A new session id at sign-in: an id planted before cannot be reused (session fixation).
    request.getSession(true);
    request.changeSessionId();
    var status =
        security.authenticate(
            request,
            (HttpServletResponse) faces.getExternalContext().getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new VerifiedMember(result.handle())));
    if (status != AuthenticationStatus.SUCCESS) {
      messages.error("signin.failed");
      return null;
    }
    rememberSession(request, result.handle());
    if (result.mustEnrolSecondFactor()) {
      request.getSession().setAttribute(MemberGate.ENROLMENT_REQUIRED, Boolean.TRUE);
      return MemberGate.ENROLMENT_PAGE + "?faces-redirect=true";
    }
    return FormSignIn.continueTo(faces, "/compte/index.xhtml");
  }

  /**
   * Records the session (listed on the member's security page) and the browser: a device cookie the
   * member's browser keeps; a browser without a known one makes an email to the holder.
   */
  private void rememberSession(HttpServletRequest request, String handle) {
    var opened =
        sessions.open(
            handle,
            DeviceCookie.read(request, DEVICE_COOKIE),
            request.getHeader("User-Agent"),
            Clients.address(request));
    request.getSession().setAttribute(MemberGate.SESSION_KEY, opened.sessionKey());
    DeviceCookie.write(
        request,
        (HttpServletResponse) faces.getExternalContext().getResponse(),
        DEVICE_COOKIE,
        opened.deviceToken());
    outbox.soon();
  }

  static final String DEVICE_COOKIE = "parvis-device";

  public String signOut() throws ServletException {
    var session = request().getSession(false);
    if (session != null && session.getAttribute(MemberGate.SESSION_KEY) instanceof String key) {
      sessions.close(key);
    }
    request().logout();
    faces.getExternalContext().invalidateSession();
    return "/connexion.xhtml?faces-redirect=true&deconnecte=1";
  }

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
