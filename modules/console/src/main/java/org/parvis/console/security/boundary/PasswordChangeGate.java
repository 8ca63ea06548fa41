package org.parvis.console.security.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A staff member signed in with a one-time password reaches no staff page but the password page
 * until they have chosen their own password.
 */
@WebFilter(filterName = "passwordChangeGate", urlPatterns = "/staff/*")
public class PasswordChangeGate extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String REQUIRED = "parvis.passwordChangeRequired";
  static final String PAGE = "/staff/password.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (session != null && session.getAttribute(REQUIRED) != null && !path.equals(PAGE)) {
      response.sendRedirect(request.getContextPath() + PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
