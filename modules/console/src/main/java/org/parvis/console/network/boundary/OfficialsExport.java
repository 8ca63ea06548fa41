package org.parvis.console.network.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.network.api.NetworkActivity;

/**
 * Officials' responsiveness as CSV (RFC 4180): each mandate in force with its holder, the
 * initiatives routed to them, how many they answered, their answer rate and median time to answer.
 * The party's bureau reads it before a campaign; written to the network side's audit trail.
 */
@WebServlet("/staff/network/elus.csv")
public class OfficialsExport extends HttpServlet {

  static final List<String> COLUMNS =
      List.of(
          "handle",
          "name",
          "mandate",
          "territoryKind",
          "territoryCode",
          "territory",
          "endsOn",
          "routed",
          "answered",
          "rate",
          "median");

  @Inject NetworkActivity activity;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var texts = Exports.texts(request);
    var today = LocalDate.now(ZoneId.of("Europe/Paris"));
    var lines = activity.officials(today);
    var out =
        Exports.start(
            trails,
            "network",
            "OFFICIALS_EXPORTED",
            "",
            "elus-" + today + ".csv",
            request,
            response);
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(Exports.header(texts, "export.officials.", COLUMNS));
      for (var line : lines) {
        csv.printRecord(
            Exports.cells(
                line.handle(),
                line.displayName(),
                line.mandate(),
                line.territoryKind(),
                line.territoryCode(),
                line.territoryName(),
                line.endsOn(),
                line.routed(),
                line.answered(),
                line.routed() == 0 ? null : Math.round(line.answered() * 100.0 / line.routed()),
                line.medianHours()));
      }
    }
  }
}
