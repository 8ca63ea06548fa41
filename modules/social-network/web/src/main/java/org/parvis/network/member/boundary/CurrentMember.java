package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.parvis.kernel.api.web.Clients;

/** Who is asking: the signed-in member's handle (null for a reader) and their address. */
@Named
@RequestScoped
public class CurrentMember {

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;

  /** The signed-in member's handle, or null. */
  public String handle() {
    var principal = security.getCallerPrincipal();
    return principal == null ? null : principal.getName();
  }

  public boolean isSignedIn() {
    return handle() != null;
  }

  public String address() {
    return Clients.address(request);
  }
}
