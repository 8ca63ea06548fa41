package org.parvis.console.mail.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.campaign.api.EventRegistrants;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;

/**
 * An event's registrants as CSV (RFC 4180), in the order they registered: the welcome desk's list.
 * Names and addresses are personal data: each export is written to the brand side's audit trail
 * with the event it is about. An unknown event is a 404.
 */
@WebServlet("/staff/content/inscrits.csv")
public class RegistrantsExport extends HttpServlet {

  static final List<String> COLUMNS = List.of("name", "email", "registered");
  private static final int BATCH = 1_000;

  @Inject EventRegistrants registrants;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long event;
    try {
      event = Long.parseLong(String.valueOf(request.getParameter("id")));
    } catch (NumberFormatException e) {
      event = -1;
    }
    var slug = registrants.eventSlug(event);
    if (slug.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var texts = Exports.texts(request);
    var out =
        Exports.start(
            trails,
            "brand",
            "REGISTRANTS_EXPORTED",
            "event=" + event,
            "inscrits-" + slug.get() + ".csv",
            request,
            response);
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(Exports.header(texts, "export.registrants.", COLUMNS));
      for (int first = 0; ; first += BATCH) {
        var batch = registrants.list(event, "", first, BATCH);
        for (var r : batch) {
          csv.printRecord(Exports.cells(r.name(), r.email(), r.registeredAt()));
        }
        if (batch.size() < BATCH) {
          break;
        }
      }
    }
  }
}
