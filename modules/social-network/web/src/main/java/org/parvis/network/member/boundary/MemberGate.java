package org.parvis.network.member.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.network.member.control.MemberAccounts;

/**
 * On every member page: an account that no longer exists ends its sessions at once, and a verified
 * official without a second factor reaches nothing but the page that sets it up.
 */
@WebFilter(filterName = "memberGate", urlPatterns = "/compte/*")
public class MemberGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient MemberAccounts accounts;
  static final String ENROLMENT_REQUIRED = "parvis.secondFactorEnrolmentRequired";
  static final String ENROLMENT_PAGE = "/compte/double-authentification.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var caller = request.getUserPrincipal();
    if (caller != null && !accounts.isActive(caller.getName())) {
      request.logout();
      var session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/connexion.xhtml");
      return;
    }
    var session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (session != null
        && session.getAttribute(ENROLMENT_REQUIRED) != null
        && !path.equals(ENROLMENT_PAGE)) {
      response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
