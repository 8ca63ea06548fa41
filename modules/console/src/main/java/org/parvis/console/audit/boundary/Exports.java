package org.parvis.console.audit.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.kernel.api.web.Clients;

/**
 * What every console export does before its first line: it is written to the audit trail of the
 * side whose data it carries, and the response is a CSV attachment in UTF-8 with a byte-order mark
 * (Excel reads the accents; LibreOffice finds the same).
 */
public final class Exports {

  private Exports() {}

  /**
   * The console's texts in the language the address asks ({@code ?langue=en}), French otherwise.
   */
  public static java.util.ResourceBundle texts(HttpServletRequest request) {
    return java.util.ResourceBundle.getBundle(
        "org.parvis.console.web.messages",
        "en".equals(request.getParameter("langue"))
            ? java.util.Locale.ENGLISH
            : java.util.Locale.FRENCH);
  }

  /**
   * The values of one line as a spreadsheet may open them safely: a text starting with {@code = +
   * - @}, a tab or a carriage return (which Excel and LibreOffice would run as a formula) gets a
   * leading apostrophe; numbers, dates and nulls are left as they are.
   */
  public static java.util.List<Object> cells(Object... values) {
    var cells = new java.util.ArrayList<Object>(values.length);
    for (Object value : values) {
      cells.add(
          value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
              ? "'" + text
              : value);
    }
    return cells;
  }

  /** The header line: each column's title, the bundle's {@code prefix + column}. */
  public static java.util.List<String> header(
      java.util.ResourceBundle texts, String prefix, java.util.List<String> columns) {
    return columns.stream().map(column -> texts.getString(prefix + column)).toList();
  }

  /** Writes the export to the side's audit trail and opens the CSV response. */
  public static Writer start(
      Iterable<AuditTrail> trails,
      String side,
      String action,
      String target,
      String filename,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    for (AuditTrail trail : trails) {
      if (trail.side().equals(side)) {
        trail.record(
            new AuditTrail.Entry(
                Instant.now(),
                request.getUserPrincipal().getName(),
                action,
                target,
                Clients.address(request)));
      }
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\ufeff');
    return out;
  }
}
