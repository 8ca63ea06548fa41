package org.parvis.kernel.api;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The official French régions, départements and communes (Etalab "découpage administratif", Licence
 * Ouverte; see the README next to the CSV files). Each database keeps its own copy: the brand and
 * network sides never share a table, not even reference data.
 */
public final class ReferenceTerritories {

  private static final String FOLDER = "/org/parvis/kernel/territories/";

  private ReferenceTerritories() {}

  public record Region(String code, String name, String chiefTownCode, String zone) {}

  public record Departement(
      String code, String name, String regionCode, String chiefTownCode, String zone) {}

  public record Commune(
      String code,
      String name,
      String type,
      String departementCode,
      String regionCode,
      List<String> postalCodes,
      Integer population,
      String parentCode) {}

  public static List<Region> regions() {
    return read(
        "regions.csv",
        r ->
            new Region(
                r.get("code"),
                r.get("name"),
                blankToNull(r.get("chief_town_code")),
                r.get("zone")));
  }

  public static List<Departement> departements() {
    return read(
        "departements.csv",
        r ->
            new Departement(
                r.get("code"),
                r.get("name"),
                r.get("region_code"),
                blankToNull(r.get("chief_town_code")),
                r.get("zone")));
  }

  public static List<Commune> communes() {
    return read(
        "communes.csv",
        r ->
            new Commune(
                r.get("code"),
                r.get("name"),
                r.get("type"),
                blankToNull(r.get("departement_code")),
                blankToNull(r.get("region_code")),
                r.get("postal_codes").isBlank()
                    ? List.of()
                    : Arrays.asList(r.get("postal_codes").trim().split("\\s+")),
                r.get("population").isBlank() ? null : Integer.valueOf(r.get("population")),
                blankToNull(r.get("parent_code"))));
  }

  private static <T> List<T> read(String file, Function<CSVRecord, T> mapper) {
    var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    var stream = ReferenceTerritories.class.getResourceAsStream(FOLDER + file);
    if (stream == null) {
      throw new IllegalStateException("Reference data missing from the kernel jar: " + file);
    }
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
        var parser = format.parse(reader)) {
      List<T> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(mapper.apply(record));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + file, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
