package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.privacy.control.AccountErasure;

/**
 * A member deletes their account: they type their password, choose what becomes of their
 * contributions, confirm; they are signed out and nothing identifying them remains.
 */
@Named
@RequestScoped
public class ErasurePage {

  @Inject FacesContext faces;
  @Inject CurrentMember current;
  @Inject AccountErasure erasure;
  @Inject PageMessages messages;

  private String password;
  private String contributions;
  private boolean confirmed;

  public String erase() throws ServletException {
    if (!confirmed) {
      messages.errorOn("confirmed", "erasure.confirm.required");
      return null;
    }
    AccountErasure.Contributions choice;
    try {
      choice = AccountErasure.Contributions.valueOf(String.valueOf(contributions));
    } catch (IllegalArgumentException e) {
      messages.errorOn("contributions", "erasure.choice.required");
      return null;
    }
    var problem =
        erasure.erase(
            current.handle(), password == null ? new char[0] : password.toCharArray(), choice);
    if (problem.isPresent()) {
      messages.errorOn("password", problem.get());
      return null;
    }
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    request.logout();
    faces.getExternalContext().invalidateSession();
    return "/compte-supprime.xhtml?faces-redirect=true";
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getContributions() {
    return contributions;
  }

  public void setContributions(String contributions) {
    this.contributions = contributions;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }
}
