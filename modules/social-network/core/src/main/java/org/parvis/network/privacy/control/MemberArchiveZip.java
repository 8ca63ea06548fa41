package org.parvis.network.privacy.control;

import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A member's data as a ZIP: {@code donnees.json} (machine-readable, every category) and {@code
 * index.html} (the same, to read in a browser, every value escaped).
 */
final class MemberArchiveZip {

  private MemberArchiveZip() {}

  static byte[] of(Map<String, List<Map<String, Object>>> data, Instant exportedAt) {
    var document = new LinkedHashMap<String, Object>();
    document.put("exportedAt", exportedAt.toString());
    document.put("categories", List.copyOf(data.keySet()));
    document.put("data", data);
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes);
        var jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      // Written to a string first: JSON-B closes the writer it is given, which would close the ZIP.
      String json = jsonb.toJson(document);
      zip.putNextEntry(new ZipEntry("donnees.json"));
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write(html(data).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("archive not written", e);
    }
    return bytes.toByteArray();
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
