package org.parvis.network.schema.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.sql.control.SqlStatements;

/**
 * Diagnostics, off unless {@code parvis.diagnostics.sql-statements=true}: holds each response back
 * until the page is rendered, then adds the header {@code X-Parvis-SQL-Statements} with the number
 * of SQL statements the request sent (every persistence unit: the network's and moderation's).
 * Never on in production: it buffers whole pages.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StatementCountFilter extends HttpFilter {

  public static final String HEADER = "X-Parvis-SQL-Statements";

  @Inject
  @ConfigProperty(name = "parvis.diagnostics.sql-statements")
  boolean enabled;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!enabled) {
      chain.doFilter(request, response);
      return;
    }
    var held = new HeldResponse(response);
    SqlStatements.start();
    try {
      chain.doFilter(request, held);
    } finally {
      int statements = SqlStatements.stop();
      if (!response.isCommitted()) {
        response.setHeader(HEADER, Integer.toString(statements));
      }
      held.release();
    }
  }

  /** A response whose body waits in memory, so that a header can still be added after it. */
  private static final class HeldResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    HeldResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new org.parvis.network.site.boundary.HeldBody(body);
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new PrintWriter(
                new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())), false);
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    void release() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      if (body.size() > 0) {
        getResponse().getOutputStream().write(body.toByteArray());
      }
    }
  }
}
