package org.parvis.network.privacy.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.Members;
import org.parvis.network.privacy.control.MemberExport;

/**
 * A signed-in member downloads all their data: a ZIP holding {@code donnees.json}
 * (machine-readable, every category) and {@code index.html} (the same, to read in a browser), their
 * contributions included.
 */
@WebServlet("/compte/mes-donnees.zip")
public class MemberExportServlet extends HttpServlet {

  @Inject CurrentMember current;
  @Inject Members members;
  @Inject MemberExport export;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var member =
        current.isSignedIn()
            ? members.confirmed(current.handle())
            : java.util.Optional.<org.parvis.network.member.entity.MemberAccount>empty();
    if (member.isEmpty()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    var data = export.export(member.get().id());
    var document = new LinkedHashMap<String, Object>();
    document.put("exportedAt", Instant.now().toString());
    document.put("categories", List.copyOf(data.keySet()));
    document.put("data", data);
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"mes-donnees-reseau.zip\"");
    response.setHeader("Cache-Control", "no-store");
    try (var zip = new ZipOutputStream(response.getOutputStream());
        var jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      // Written to a string first: JSON-B closes the writer it is given, which would close the ZIP.
      String json = jsonb.toJson(document);
      zip.putNextEntry(new ZipEntry("donnees.json"));
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write(html(data).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (Exception e) {
      throw new IOException("export not written", e);
    }
  }

  /** The same data as a page: one table per category, every value escaped. */
  static String html(Map<String, List<Map<String, Object>>> data) {
    var out = new StringBuilder();
    out.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\">")
        .append("<title>Mes données</title></head><body><h1>Mes données</h1>");
    for (var category : data.entrySet()) {
      out.append("<h2 id=\"")
          .append(escape(category.getKey()))
          .append("\">")
          .append(escape(category.getKey()))
          .append(" (")
          .append(category.getValue().size())
          .append(")</h2>");
      if (category.getValue().isEmpty()) {
        continue;
      }
      out.append("<table><thead><tr>");
      category
          .getValue()
          .get(0)
          .keySet()
          .forEach(k -> out.append("<th>").append(escape(k)).append("</th>"));
      out.append("</tr></thead><tbody>");
      for (var row : category.getValue()) {
        out.append("<tr>");
        row.values()
            .forEach(
                v ->
                    out.append("<td>")
                        .append(escape(String.valueOf(v == null ? "" : v)))
                        .append("</td>"));
        out.append("</tr>");
      }
      out.append("</tbody></table>");
    }
    return out.append("</body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
