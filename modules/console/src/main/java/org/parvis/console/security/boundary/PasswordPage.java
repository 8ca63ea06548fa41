package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.parvis.campaign.api.StaffSignIn;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;

/** A staff member changes their own password. */
@Named
@RequestScoped
public class PasswordPage {

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject StaffSignIn staff;
  @Inject PageMessages messages;

  private String current;
  private String replacement;
  private String confirmation;

  /** Changes the password; then, if no second factor is enrolled yet, goes on to enrol one. */
  @Audited(value = "PASSWORD_CHANGED", side = "brand")
  public String change() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      if (replacement == null || !replacement.equals(confirmation)) {
        messages.error("password.confirmation.differs");
        return null;
      }
      var problem =
          staff.changePassword(
              security.getCallerPrincipal().getName(),
              current.toCharArray(),
              replacement.toCharArray(),
              Clients.address(request));
      if (problem.isPresent()) {
        messages.error(problem.get());
        return null;
      }
      // The session that changed the password keeps going under a new id; the others end.
      request.changeSessionId();
      StaffGate.signedInNow(request);
      request.getSession().removeAttribute(StaffGate.REQUIRED);
      messages.info("password.changed");
      if (request.getSession().getAttribute(StaffGate.ENROLMENT_REQUIRED) != null) {
        messages.keepForNextPage();
        return StaffGate.ENROLMENT_PAGE + "?faces-redirect=true";
      }
      return null;
    } finally {
      current = null;
      replacement = null;
      confirmation = null;
    }
  }

  /** Sets the address for sign-in notices. */
  @Audited(value = "STAFF_EMAIL_CHANGED", side = "brand")
  public void changeEmail() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      var problem =
          staff.changeEmail(
              security.getCallerPrincipal().getName(),
              emailPassword == null ? new char[0] : emailPassword.toCharArray(),
              email,
              Clients.address(request));
      if (problem.isPresent()) {
        messages.error(problem.get());
        return;
      }
      messages.info("staff.emailChanged");
    } finally {
      emailPassword = null;
    }
  }

  public String getCurrentEmail() {
    return staff.email(security.getCallerPrincipal().getName()).orElse("");
  }

  private String email;
  private String emailPassword;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getEmailPassword() {
    return emailPassword;
  }

  public void setEmailPassword(String emailPassword) {
    this.emailPassword = emailPassword;
  }

  public boolean isRequired() {
    var session = faces.getExternalContext().getSession(false);
    return session != null
        && ((jakarta.servlet.http.HttpSession) session).getAttribute(StaffGate.REQUIRED) != null;
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getReplacement() {
    return replacement;
  }

  public void setReplacement(String replacement) {
    this.replacement = replacement;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
