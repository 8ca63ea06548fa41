package org.parvis.campaign.privacy.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.parvis.campaign.privacy.control.BrandPersonalData;

/** Downloads, as JSON, everything the brand site holds about the address a mailed link opens. */
@WebServlet("/donnees/export")
public class ExportServlet extends HttpServlet {

  @Inject BrandPersonalData data;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var holder = data.holder(request.getParameter("jeton"), Instant.now());
    if (holder.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var document = new LinkedHashMap<String, Object>();
    document.put("email", holder.get());
    document.put("exportedAt", Instant.now().toString());
    document.put("data", data.export(holder.get()));
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"mes-donnees.json\"");
    response.setHeader("Cache-Control", "no-store");
    try (var jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      jsonb.toJson(document, response.getWriter());
    } catch (Exception e) {
      throw new IOException("export not written", e);
    }
  }
}
