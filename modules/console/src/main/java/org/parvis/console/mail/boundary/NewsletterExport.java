package org.parvis.console.mail.boundary;

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
import org.parvis.campaign.api.NewsletterFigures;
import org.parvis.console.audit.boundary.Exports;
import org.parvis.kernel.api.audit.AuditTrail;

/**
 * The newsletter's campaigns as CSV (RFC 4180), newest first: subject, theme, status, when each was
 * written, started and finished, how many subscribers it was for and how many mails are written. No
 * subscriber. Written to the brand side's audit trail.
 */
@WebServlet("/staff/content/lettre.csv")
public class NewsletterExport extends HttpServlet {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "subject",
          "theme",
          "status",
          "createdBy",
          "created",
          "started",
          "finished",
          "recipients",
          "queued",
          "percent");

  @Inject NewsletterFigures newsletter;
  @Inject @Any Instance<AuditTrail> trails;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var texts = Exports.texts(request);
    var out =
        Exports.start(
            trails,
            "brand",
            "NEWSLETTER_EXPORTED",
            "",
            "lettre-" + LocalDate.now(ZoneId.of("Europe/Paris")) + ".csv",
            request,
            response);
    try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(Exports.header(texts, "export.newsletter.", COLUMNS));
      for (int page = 0; ; page++) {
        var campaignsOfPage = newsletter.campaigns(page);
        for (var c : campaignsOfPage) {
          csv.printRecord(
              Exports.cells(
                  c.id(),
                  c.subject(),
                  c.theme(),
                  c.status(),
                  c.createdBy(),
                  c.createdAt(),
                  c.startedAt(),
                  c.finishedAt(),
                  c.recipients(),
                  c.queued(),
                  c.percent()));
        }
        if (campaignsOfPage.size() < NewsletterFigures.PAGE_SIZE) {
          break;
        }
      }
    }
  }
}
