package org.parvis.console.network.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.network.api.NetworkActivity;

/**
 * Signatures counted by the signers' commune and département, for one initiative ({@code
 * ?initiative=12}) or all, as CSV: counts only, never who signed; a commune under five signatures
 * shows "moins de 5". Written to the network side's audit trail.
 */
@WebServlet("/staff/network/signatures.csv")
public class SignaturesExport extends HttpServlet {

  @Inject NetworkActivity activity;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Long initiative;
    try {
      String asked = request.getParameter("initiative");
      initiative = asked == null || asked.isBlank() ? null : Long.valueOf(asked.strip());
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    var texts = Exports.texts(request);
    var counts = activity.signaturesByCommune(initiative);
    var out =
        Exports.start(
            trails,
            "network",
            "SIGNATURES_EXPORTED",
            initiative == null ? "" : "initiative=" + initiative,
            "signatures-par-commune" + (initiative == null ? "" : "-" + initiative) + ".csv",
            request,
            response);
    String few = texts.getString("export.signatures.few");
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(
          texts.getString("export.signatures.departementCode"),
          texts.getString("export.signatures.departement"),
          texts.getString("export.signatures.communeCode"),
          texts.getString("export.signatures.commune"),
          texts.getString("export.signatures.count"));
      for (var line : counts) {
        csv.printRecord(
            Exports.cells(
                line.departementCode(),
                line.departementName(),
                line.communeCode(),
                line.communeName(),
                line.signatures() == null ? few : line.signatures()));
      }
    }
  }
}
