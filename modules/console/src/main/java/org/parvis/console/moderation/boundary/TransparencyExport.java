package org.parvis.console.moderation.boundary;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.network.api.Transparency;

/**
 * Moderation's decisions month by month for the party's transparency report, as CSV: reports by
 * reason, decisions by kind (automatic and human), appeals, and the median time to a moderator's
 * decision, over the last 36 months, newest first. The same figures as the public transparency
 * page, computed from moderation's log; nothing about who was moderated. Written to the network
 * side's audit trail.
 */
@WebServlet("/staff/moderation/transparence.csv")
public class TransparencyExport extends HttpServlet {

  static final int MONTHS = 36;

  @Inject Transparency transparency;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var texts = Exports.texts(request);
    var months = transparency.months(MONTHS);
    var out =
        Exports.start(
            trails,
            "network",
            "MODERATION_EXPORTED",
            "",
            "moderation-" + LocalDate.now(ZoneId.of("Europe/Paris")) + ".csv",
            request,
            response);
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      var header = new ArrayList<String>();
      header.add(texts.getString("export.moderation.month"));
      header.addAll(
          Exports.header(texts, "export.moderation.reason.", Transparency.REPORT_REASONS));
      header.addAll(Exports.header(texts, "export.moderation.action.", Transparency.ACTIONS));
      header.addAll(
          Exports.header(texts, "export.moderation.action.", Transparency.APPEAL_ACTIONS));
      header.addAll(
          Exports.header(texts, "export.moderation.", List.of("automatic", "human", "median")));
      csv.printRecord(header);
      for (var month : months) {
        var line = new ArrayList<Object>();
        line.add("%d-%02d".formatted(month.year(), month.month()));
        line.addAll(counts(month.reportsByReason(), Transparency.REPORT_REASONS));
        line.addAll(counts(month.decisionsByAction(), Transparency.ACTIONS));
        line.addAll(counts(month.decisionsByAction(), Transparency.APPEAL_ACTIONS));
        line.add(month.automatic());
        line.add(month.human());
        line.add(
            month.medianHoursToDecision() == null
                ? null
                : Math.round(month.medianHoursToDecision() * 10) / 10.0);
        csv.printRecord(line);
      }
    }
  }

  private static List<Long> counts(Map<String, Long> byKey, List<String> keys) {
    return keys.stream().map(key -> byKey.getOrDefault(key, 0L)).toList();
  }
}
