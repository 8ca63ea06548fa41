package org.parvis.console.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parvis.network.api.NetworkActivity;
import org.parvis.network.api.NetworkActivity.Metric;

/**
 * The dashboard's daily counts over a period as CSV (RFC 4180: comma, CRLF, quotes where needed;
 * UTF-8 with a byte-order mark so that Excel reads the accents; LibreOffice asks and finds the
 * same): one row per Paris day, one column per metric. Counts only, never who.
 */
@WebServlet("/staff/dashboard/activite.csv")
public class ActivityExport extends HttpServlet {

  @Inject NetworkActivity activity;

  @Inject @jakarta.enterprise.inject.Any
  jakarta.enterprise.inject.Instance<org.parvis.kernel.api.audit.AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var period = Period.of(request.getParameter("periode"));
    var texts = org.parvis.console.audit.boundary.Exports.texts(request);
    var today = LocalDate.now(Period.PARIS);
    var from = period.from(today);
    var series = activity.daily(from, today);
    var out =
        org.parvis.console.audit.boundary.Exports.start(
            trails,
            "network",
            "ACTIVITY_EXPORTED",
            "periode=" + period.code(),
            "activite-" + from + "-" + today + ".csv",
            request,
            response);
    var header = new ArrayList<String>();
    header.add(texts.getString("dashboard.day"));
    for (Metric metric : Metric.values()) {
      header.add(texts.getString("dashboard.metric." + metric.name()));
    }
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(header);
      int days = series.get(Metric.MEMBERS).length;
      for (int i = 0; i < days; i++) {
        var row = new ArrayList<Object>();
        row.add(from.plusDays(i).toString());
        for (Metric metric : Metric.values()) {
          row.add(series.get(metric)[i]);
        }
        csv.printRecord(row);
      }
    }
  }
}
