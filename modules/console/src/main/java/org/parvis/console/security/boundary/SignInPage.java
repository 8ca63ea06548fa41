package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.DeviceCookie;
import org.parvis.kernel.api.web.FormSignIn;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.kernel.api.web.PendingSecondFactor;

/**
 * The console's front page: first-run setup of the first administrator while there is none, then
 * the staff sign-in form. Messages never say whether an account exists.
 */
@Named
@RequestScoped
public class SignInPage {

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject StaffSignIn staff;
  @Inject org.parvis.console.mail.boundary.BrandOutbox outbox;
  @Inject PageMessages messages;

  private String username;
  private String password;
  private String displayName;
  private String setupCode;
  private String email;
  private String code;
  private Boolean setupNeeded;

  public boolean isSetupNeeded() {
    if (setupNeeded == null) {
      setupNeeded = staff.firstAdministratorNeeded();
    }
    return setupNeeded;
  }

  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  public String signIn() {
    var request = request();
    var result =
        staff.signIn(
            username,
            chars(password),
            Clients.address(request),
            DeviceCookie.read(request, DEVICE_COOKIE));
    password = null;
    switch (result.status()) {
      case THROTTLED -> {
        messages.error("signin.throttled", Math.max(1, result.retryAfter().toSeconds()));
        return null;
      }
      case REFUSED -> {
        messages.error("signin.failed");
        return null;
      }
      case SECOND_FACTOR_NEEDED -> {
        PendingSecondFactor.start(request, result.username());
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
    var result = staff.secondFactor(pending.get().account(), code, Clients.address(request));
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

  /** Back to the password step. */
  public String cancelSecondFactor() {
    PendingSecondFactor.clear(request());
    return "/index.xhtml?faces-redirect=true";
  }

  public boolean isSecondStep() {
    return PendingSecondFactor.of(request()).isPresent();
  }

  public String createFirstAdministrator() {
    var outcome =
        staff.createFirstAdministrator(
            setupCode, username, displayName, email, chars(password), Clients.address(request()));
    if (!outcome.created()) {
      password = null;
      messages.error(outcome.problem());
      return null;
    }
    return signIn();
  }

  private String startSession(StaffSignIn.SignInResult result) {
    var request = request();
    var response = (HttpServletResponse) faces.getExternalContext().getResponse();
    // A new session id at sign-in: an id planted before cannot be reused (session fixation).
    request.getSession(true);
    request.changeSessionId();
    var groups = result.roles().stream().map(Role::group).collect(Collectors.toSet());
    var status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new VerifiedStaff(result.username(), groups)));
    rememberDevice(request, response, result.username());
    StaffGate.signedInNow(request);
    if (status != AuthenticationStatus.SUCCESS) {
      messages.error("signin.failed");
      return null;
    }
    if (result.mustEnrolSecondFactor()) {
      request.getSession().setAttribute(StaffGate.ENROLMENT_REQUIRED, Boolean.TRUE);
    }
    if (result.mustChangePassword()) {
      request.getSession().setAttribute(StaffGate.REQUIRED, Boolean.TRUE);
      return StaffGate.PAGE + "?faces-redirect=true";
    }
    if (result.mustEnrolSecondFactor()) {
      return StaffGate.ENROLMENT_PAGE + "?faces-redirect=true";
    }
    return FormSignIn.continueTo(faces, "/staff/index.xhtml");
  }

  /**
   * The browser keeps a long-lived device cookie; a sign-in from a browser without a known one is
   * mailed to the holder.
   */
  private void rememberDevice(
      HttpServletRequest request, HttpServletResponse response, String username) {
    String token =
        staff.recognizeDevice(
            username,
            DeviceCookie.read(request, DEVICE_COOKIE),
            request.getHeader("User-Agent"),
            Clients.address(request));
    DeviceCookie.write(request, response, DEVICE_COOKIE, token);
    outbox.soon();
  }

  static final String DEVICE_COOKIE = "parvis-console-device";

  private HttpServletRequest request() {
    return (HttpServletRequest) faces.getExternalContext().getRequest();
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
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

  public String getSetupCode() {
    return setupCode;
  }

  public void setSetupCode(String setupCode) {
    this.setupCode = setupCode;
  }
}
