package org.parvis.network.member.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.network.member.control.MemberSessions;

/**
 * On every request of a signed-in member: a session the member ended from elsewhere, or an account
 * that no longer exists, is signed out at once; a verified official without a second factor reaches
 * no account page but the one that sets it up.
 */
@WebFilter(filterName = "memberGate", urlPatterns = "/*")
public class MemberGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient MemberSessions sessions;
  static final String SESSION_KEY = "parvis.memberSession";
  static final String ENROLMENT_REQUIRED = "parvis.secondFactorEnrolmentRequired";
  static final String ENROLMENT_PAGE = "/compte/double-authentification.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    var caller = request.getUserPrincipal();
    if (caller == null || path.startsWith("/jakarta.faces.resource/")) {
      chain.doFilter(request, response);
      return;
    }
    var session = request.getSession(false);
    Object key = session == null ? null : session.getAttribute(SESSION_KEY);
    // One lookup per request: a session row exists only for a confirmed member and is deleted
    // with the account (ON DELETE CASCADE), so an open row means an active account.
    if (!(key instanceof String sessionKey) || !sessions.touch(sessionKey)) {
      // Ended from the member's security page, or the account is gone: signed out at once.
      request.logout();
      if (session != null) {
        session.invalidate();
      }
      response.sendRedirect(request.getContextPath() + "/connexion.xhtml");
      return;
    }
    if (session.getAttribute(ENROLMENT_REQUIRED) != null
        && path.startsWith("/compte/")
        && !path.equals(ENROLMENT_PAGE)) {
      response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
