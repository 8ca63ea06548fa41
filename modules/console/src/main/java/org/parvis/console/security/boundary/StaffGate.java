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
 * at their next request, and so do sessions signed in before its password or second factor last
 * changed); a staff member signed in with a one-time password reaches no page but the password page
 * until they have chosen their own password, then none but the two-factor page until they have
 * enrolled a second factor (mandatory for staff).
 */
@WebFilter(filterName = "staffGate", urlPatterns = "/staff/*")
public class StaffGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient StaffSignIn staff;
  static final String REQUIRED = "parvis.passwordChangeRequired";
  static final String PAGE = "/staff/password.xhtml";
  static final String ENROLMENT_REQUIRED = "parvis.secondFactorEnrolmentRequired";
  static final String ENROLMENT_PAGE = "/staff/two-factor.xhtml";

  static final String SIGNED_IN_AT = "parvis.staffSignedInAt";

  /**
   * Marks the session as signed in now: sessions of the account signed in before a later change of
   * its password or second factor end at their next request; the one that made the change calls
   * this again to go on.
   */
  static void signedInNow(HttpServletRequest request) {
    request.getSession().setAttribute(SIGNED_IN_AT, java.time.Instant.now());
  }

  private static java.time.Instant signedInAt(jakarta.servlet.http.HttpSession session) {
    return session != null && session.getAttribute(SIGNED_IN_AT) instanceof java.time.Instant at
        ? at
        : java.time.Instant.EPOCH;
  }

  /** The one page a half-set-up account may reach: first the password, then the second factor. */
  private static String onlyPage(jakarta.servlet.http.HttpSession session) {
    if (session.getAttribute(REQUIRED) != null) {
      return PAGE;
    }
    return session.getAttribute(ENROLMENT_REQUIRED) != null ? ENROLMENT_PAGE : null;
  }

  /**
   * Whether the session's roles are still the account's: a disabled account has none, and an
   * administrator's role change ends the sessions signed in with the old ones.
   */
  private static boolean sameRoles(
      HttpServletRequest request, java.util.Set<org.parvis.kernel.api.Role> current) {
    if (current.isEmpty()) {
      return false;
    }
    for (var role : org.parvis.kernel.api.Role.values()) {
      if (request.isUserInRole(role.group()) != current.contains(role)) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var session = request.getSession(false);
    var caller = request.getUserPrincipal();
    if (caller != null
        && !sameRoles(request, staff.currentRoles(caller.getName(), signedInAt(session)))) {
      request.logout();
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String onlyPage = session == null ? null : onlyPage(session);
    if (onlyPage != null && !path.equals(onlyPage)) {
      response.sendRedirect(request.getContextPath() + onlyPage);
      return;
    }
    chain.doFilter(request, response);
  }
}
