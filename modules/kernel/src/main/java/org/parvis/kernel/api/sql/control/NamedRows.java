package org.parvis.kernel.api.sql.control;

import org.parvis.kernel.api.sql.Rows;

/** Native query rows as named values, for exports of personal data. */
public final class NamedRows {

  private NamedRows() {}

  /**
   * The rows of a native SELECT as maps named after its columns (aliases stripped of their table
   * prefix), times as ISO instants: for exports of personal data.
   */
  public static java.util.List<java.util.Map<String, Object>> maps(
      jakarta.persistence.EntityManager em, String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    String[] names =
        sql.substring("SELECT ".length(), sql.indexOf(" FROM "))
            .replaceAll("\\b[a-z]\\.", "")
            .split(",\\s*");
    @SuppressWarnings("unchecked")
    java.util.List<Object> result = query.getResultList();
    return result.stream()
        .map(
            r -> {
              Object[] values = r instanceof Object[] array ? array : new Object[] {r};
              var row = new java.util.LinkedHashMap<String, Object>();
              for (int i = 0; i < names.length; i++) {
                Object v = values[i];
                row.put(
                    names[i].strip(),
                    v instanceof String || v == null || v instanceof Number || v instanceof Boolean
                        ? v
                        : String.valueOf(Rows.instantOrValue(v)));
              }
              return (java.util.Map<String, Object>) row;
            })
        .toList();
  }
}
