package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.parvis.kernel.api.Role;

/** The signed-in staff member's start page, and signing out. */
@Named
@RequestScoped
public class StaffHomePage {

  @Inject FacesContext faces;
  @Inject SecurityContext security;

  public String getUsername() {
    return security.getCallerPrincipal().getName();
  }

  public List<String> getRoles() {
    return Arrays.stream(Role.values()).map(Role::group).filter(security::isCallerInRole).toList();
  }

  public String signOut() throws ServletException {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    request.logout();
    faces.getExternalContext().invalidateSession();
    return "/index.xhtml?faces-redirect=true&signedOut=true";
  }
}
