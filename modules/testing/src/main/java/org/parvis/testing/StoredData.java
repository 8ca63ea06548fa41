package org.parvis.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * What a database really stores, read back for the privacy proofs: rows as named values, one
 * spelling per value whichever way JDBC, JPA or an export wrote it, and a scan of every column of
 * every table — text, JSON, binary, and ZIP archives entry by entry — for a piece of text.
 */
public final class StoredData {

  private StoredData() {}

  /** The rows of {@code table} that {@code theirs} accepts, as column → value maps. */
  public static List<Map<String, Object>> rows(
      Connection db, String table, Predicate<Map<String, Object>> theirs) throws SQLException {
    var rows = new ArrayList<Map<String, Object>>();
    try (var query = db.prepareStatement("SELECT * FROM \"" + table + "\"")) {
      var result = query.executeQuery();
      var meta = result.getMetaData();
      while (result.next()) {
        var row = new TreeMap<String, Object>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), result.getObject(c));
        }
        if (theirs.test(row)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * Values of a row that only this row would put in an export: its times and texts of four
   * characters or more, not ids, digests or hashes, nor the {@code identifiers} of the person
   * (which their export holds anyway).
   */
  public static Set<String> distinguishing(Map<String, Object> row, List<String> identifiers) {
    var values = new java.util.HashSet<String>();
    row.forEach(
        (column, value) -> {
          if (value == null
              || column.equals("id")
              || column.endsWith("_id")
              || column.contains("digest")
              || column.contains("hash")) {
            return;
          }
          String text = normal(value);
          if (identifiers.stream().anyMatch(text::equalsIgnoreCase)) {
            return;
          }
          if (isTime(value) || (value instanceof String && text.length() >= 4)) {
            values.add(text);
          }
        });
    return values;
  }

  /** Every value of an export's categories, spelled as {@link #normal} does. */
  public static Set<String> values(Map<String, List<Map<String, Object>>> export) {
    var values = new java.util.HashSet<String>();
    export
        .values()
        .forEach(
            rows ->
                rows.forEach(
                    row ->
                        row.values().stream()
                            .filter(v -> v != null)
                            .map(StoredData::normal)
                            .forEach(values::add)));
    return values;
  }

  /** One spelling per value: times as ISO instants to the millisecond, whole numbers without .0. */
  public static String normal(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
    if (value instanceof Instant t) {
      return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
      // Exports write times as ISO instants.
      return Instant.parse(s).truncatedTo(ChronoUnit.MILLIS).toString();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Long.toString(n.longValue());
    }
    return value.toString();
  }

  private static boolean isTime(Object value) {
    return value instanceof OffsetDateTime
        || value instanceof java.sql.Timestamp
        || value instanceof Instant
        || value instanceof LocalDate
        || value instanceof java.sql.Date;
  }

  /**
   * Every "table.column" of the database's public schema whose value holds {@code text}, ignoring
   * case: text and JSON columns as they are, binary ones as bytes and, when they are ZIP archives,
   * entry by entry.
   */
  public static List<String> columnsHolding(Connection db, String text) throws Exception {
    String needle = text.toLowerCase(Locale.ROOT);
    var holding = new ArrayList<String>();
    var tables = new ArrayList<String>();
    try (var list =
        db.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type IN ('BASE TABLE', 'TABLE')")) {
      var rows = list.executeQuery();
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no table found to scan");
    }
    for (String table : tables) {
      try (var query = db.prepareStatement("SELECT * FROM \"" + table + "\"")) {
        var result = query.executeQuery();
        var meta = result.getMetaData();
        while (result.next()) {
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = result.getObject(c);
            String column = table + "." + meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
            if (value != null && !holding.contains(column) && holds(value, needle)) {
              holding.add(column);
            }
          }
        }
      }
    }
    return holding;
  }

  private static boolean holds(Object value, String needle) throws IOException, SQLException {
    byte[] bytes =
        value instanceof byte[] b
            ? b
            : value instanceof java.sql.Blob blob
                ? blob.getBytes(1, (int) blob.length())
                : value instanceof java.sql.Clob clob
                    ? clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8)
                    : null;
    if (bytes == null) {
      return value.toString().toLowerCase(Locale.ROOT).contains(needle);
    }
    if (new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        if (content.toLowerCase(Locale.ROOT).contains(needle)) {
          return true;
        }
      }
    } catch (ZipException notAZip) {
      return false;
    }
    return false;
  }

  /** A ZIP archive of one entry, as an export archive is stored. */
  public static byte[] zip(String entry, String content) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
