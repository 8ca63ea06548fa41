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
 * could not be migrated, instead of letting each page fail its own way. Stylesheets and the error
 * pages themselves still pass so that the 503 page renders.
 *
 * <p>A web application subclasses it with {@code @WebFilter("/*")} and names its database.
 */
public abstract class DatabaseGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The schema of the database this web application cannot work without. */
  protected abstract DatabaseSchema schema();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean alwaysServed =
        path.startsWith("/jakarta.faces.resource/") || path.startsWith("/errors/");
    if (!alwaysServed && !schema().migrate().succeeded()) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    chain.doFilter(request, response);
  }
}
