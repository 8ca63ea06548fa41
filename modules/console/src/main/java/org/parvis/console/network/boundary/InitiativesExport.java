package org.parvis.console.network.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.network.api.NetworkActivity;

/**
 * Every published initiative with its counts and whether an official answered, as CSV (RFC 4180),
 * streamed from the database line by line: for staff working outside Parvis (a report to the
 * party's bureau, a spreadsheet of the answers awaited). No author, no signer. Written to the
 * network side's audit trail.
 */
@WebServlet("/staff/network/initiatives.csv")
public class InitiativesExport extends HttpServlet {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "title",
          "status",
          "theme",
          "scope",
          "scopeCode",
          "scopeName",
          "published",
          "deadline",
          "signatures",
          "goal",
          "comments",
          "answered");

  @Inject NetworkActivity activity;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var texts = Exports.texts(request);
    var out =
        Exports.start(
            trails,
            "network",
            "INITIATIVES_EXPORTED",
            "",
            "initiatives-" + LocalDate.now(java.time.ZoneId.of("Europe/Paris")) + ".csv",
            request,
            response);
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(Exports.header(texts, "export.initiatives.", COLUMNS));
      activity.eachInitiative(
          line -> {
            try {
              csv.printRecord(
                  Exports.cells(
                      line.id(),
                      line.title(),
                      line.status(),
                      line.theme(),
                      line.scopeKind(),
                      line.scopeCode(),
                      line.scopeName(),
                      line.publishedAt(),
                      line.deadline(),
                      line.signatures(),
                      line.goal(),
                      line.comments(),
                      line.answeredAt()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
