package org.parvis.kernel.api.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The processing register (GDPR art. 30) as the code declares it: each module keeps, next to its
 * migrations, a {@code personal-data.tsv} classifying every column of its tables (personal or not);
 * this reads them for the console. A test runs the migrations and fails on any column of either
 * database that no register classifies.
 */
public final class ProcessingRegister {

  /** The registers of the three modules that keep personal data, with their database. */
  public static final List<Source> SOURCES =
      List.of(
          new Source("brand", "campaign-site", "org/parvis/campaign/db/personal-data.tsv"),
          new Source("network", "social-network", "org/parvis/network/db/personal-data.tsv"),
          new Source("network", "moderation", "org/parvis/moderation/db/personal-data.tsv"));

  private ProcessingRegister() {}

  /** Where a module's register is. */
  public record Source(String database, String module, String resource) {}

  /** One classified column. */
  public record Entry(
      String database,
      String module,
      String table,
      String column,
      String category,
      String purpose,
      String retention,
      String legalBasis) {

    public boolean personal() {
      return !"not personal".equals(category);
    }
  }

  /** Every module's register, in order. */
  public static List<Entry> all(ClassLoader loader) {
    var entries = new ArrayList<Entry>();
    for (var source : SOURCES) {
      entries.addAll(read(source, loader));
    }
    return entries;
  }

  public static List<Entry> read(Source source, ClassLoader loader) {
    var stream = loader.getResourceAsStream(source.resource());
    if (stream == null) {
      return List.of();
    }
    var entries = new ArrayList<Entry>();
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
          throw new IllegalStateException(source.resource() + ": six columns expected: " + line);
        }
        entries.add(
            new Entry(source.database(), source.module(), f[0], f[1], f[2], f[3], f[4], f[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** The register as CSV (RFC 4180), for the DPO's export. */
  public static String csv(List<Entry> entries) {
    var out =
        new StringBuilder(
            "database,module,table,column,category,purpose,retention,legal basis\r\n");
    for (var e : entries) {
      out.append(
              String.join(
                  ",",
                  List.of(
                          e.database(),
                          e.module(),
                          e.table(),
                          e.column(),
                          e.category(),
                          e.purpose(),
                          e.retention(),
                          e.legalBasis())
                      .stream()
                      .map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                      .toList()))
          .append("\r\n");
    }
    return out.toString();
  }
}
