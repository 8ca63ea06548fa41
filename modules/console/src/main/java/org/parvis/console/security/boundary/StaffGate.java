package org.parvis.console.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.campaign.api.StaffSignIn;

/**
 * Checked on every staff page: the account must still be active (a disabled account's sessions end
 * at their next request), and a staff member signed in with a one-time password reaches no page but
 * the password page until they have chosen their own password.
 */
@WebFilter(filterName = "staffGate", urlPatterns = "/staff/*")
public class StaffGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient StaffSignIn staff;
  static final String REQUIRED = "parvis.passwordChangeRequired";
  static final String PAGE = "/staff/password.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var session = request.getSession(false);
    var caller = request.getUserPrincipal();
    if (caller != null && !staff.isActive(caller.getName())) {
      request.logout();
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (session != null && session.getAttribute(REQUIRED) != null && !path.equals(PAGE)) {
      response.sendRedirect(request.getContextPath() + PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
