package org.parvis.network.report.boundary;

import java.util.Locale;
import java.util.Map;

/**
 * The item a moderation page is about, from its address ({@code type} INITIATIVE, COMMENT or
 * ANSWER, and {@code id}), or from the hidden fields of its form on a postback; id -1 when absent.
 */
record ItemAddress(String kind, long id) {

  static ItemAddress from(Map<String, String> parameters) {
    long id;
    try {
      id = Long.parseLong(String.valueOf(parameters.get("id")));
    } catch (NumberFormatException e) {
      id = -1;
    }
    return new ItemAddress(String.valueOf(parameters.get("type")).toUpperCase(Locale.ROOT), id);
  }
}
