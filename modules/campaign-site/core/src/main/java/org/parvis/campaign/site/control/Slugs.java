package org.parvis.campaign.site.control;

import java.text.Normalizer;
import java.util.Locale;

/** Readable, stable addresses from titles: "Réunion à Guéret !" becomes "reunion-a-gueret". */
public final class Slugs {

  private Slugs() {}

  /**
   * {@code base}, or {@code base-2}, {@code base-3}… the first that no row of {@code table} has in
   * its {@code slug} column (one query).
   */
  public static String free(jakarta.persistence.EntityManager em, String table, String base) {
    @SuppressWarnings("unchecked")
    java.util.List<String> taken =
        em.createNativeQuery("SELECT slug FROM " + table + " WHERE slug = ? OR slug LIKE ?")
            .setParameter(1, base)
            .setParameter(2, base + "-%")
            .getResultList();
    var used = new java.util.HashSet<>(taken);
    if (!used.contains(base)) {
      return base;
    }
    int n = 2;
    while (used.contains(base + "-" + n)) {
      n++;
    }
    return base + "-" + n;
  }

  /** Lower case, no accents, words joined by hyphens, at most {@code max} characters. */
  public static String of(String text, int max) {
    String plain =
        Normalizer.normalize(String.valueOf(text), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+)|(-+$)", "");
    if (plain.length() > max) {
      plain = plain.substring(0, max).replaceAll("-+$", "");
    }
    return plain.isEmpty() ? "sans-titre" : plain;
  }
}
