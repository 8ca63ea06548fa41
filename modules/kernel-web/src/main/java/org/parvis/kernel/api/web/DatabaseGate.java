package org.parvis.kernel.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parvis.kernel.api.DatabaseSchema;

/**
 * Answers 503 (with the localized error page) for every page of a web application whose database
 * could not be migrated, instead of letting each page fail its own way. Stylesheets, the error
 * pages and the health endpoint still pass.
 *
 * <p>A web application subclasses it with {@code @WebFilter("/*")} and names its database.
 */
public abstract class DatabaseGate extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String UNAVAILABLE_PAGE = "/errors/503.xhtml";

  /** The schema of the database this web application cannot work without. */
  protected abstract DatabaseSchema schema();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Payara serves MicroProfile Health inside the web application at /: let it report.
    boolean alwaysServed =
        path.startsWith("/jakarta.faces.resource/")
            || path.startsWith("/errors/")
            || path.equals("/health")
            || path.startsWith("/health/");
    if (!alwaysServed && !schema().migrate().succeeded()) {
      // Rendered here rather than through an error-page mapping for 503: such a mapping in the
      // web application at / would also capture the 503 of /health and hide its JSON.
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "30");
      request.getRequestDispatcher(UNAVAILABLE_PAGE).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }
}
