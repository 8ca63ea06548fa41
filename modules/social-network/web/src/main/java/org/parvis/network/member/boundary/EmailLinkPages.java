package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.mail.boundary.OutboxDelivery;
import org.parvis.network.member.control.MemberAccounts;

/**
 * The pages emails link to, and the one that sends reset links. A link is followed by a button
 * (POST), not by merely opening it: mail scanners that open links do not use them up.
 */
@Named
@RequestScoped
public class EmailLinkPages {

  @Inject FacesContext faces;
  @Inject MemberAccounts accounts;
  @Inject PageMessages messages;
  @Inject OutboxDelivery mailRelay;

  private String token;
  private String email;
  private String password;
  private String confirmation;
  private Boolean resetLinkValid;

  /** Confirms an address (registration or change of email). */
  public String confirm() {
    var result = accounts.confirm(token, address());
    switch (result) {
      case CONFIRMED -> {
        messages.info("confirm.done");
        messages.keepForNextPage();
        return "/connexion.xhtml?faces-redirect=true";
      }
      case EMAIL_CHANGED -> {
        messages.info("confirm.emailChanged");
        messages.keepForNextPage();
        return "/compte/index.xhtml?faces-redirect=true";
      }
      case EMAIL_TAKEN -> messages.error("email.taken");
      default -> messages.error("link.invalid");
    }
    return null;
  }

  /** Sends a reset link if the address has an account; the answer is the same either way. */
  public String requestReset() {
    accounts.requestPasswordReset(email, address());
    mailRelay.soon();
    messages.info("forgot.sent");
    messages.keepForNextPage();
    return "/mot-de-passe-oublie.xhtml?faces-redirect=true&envoye=1";
  }

  public String resetPassword() {
    if (password == null || !password.equals(confirmation)) {
      messages.errorOn("confirmation", "password.confirmation.differs");
      return null;
    }
    var problem = accounts.resetPassword(token, password.toCharArray(), address());
    password = null;
    confirmation = null;
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("reset.done");
    messages.keepForNextPage();
    return "/connexion.xhtml?faces-redirect=true";
  }

  public boolean isResetLinkValid() {
    if (resetLinkValid == null) {
      resetLinkValid = accounts.resetLinkValid(token);
    }
    return resetLinkValid;
  }

  private String address() {
    return Clients.address((HttpServletRequest) faces.getExternalContext().getRequest());
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
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

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
