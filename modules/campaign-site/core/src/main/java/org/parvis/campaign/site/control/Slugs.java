package org.parvis.campaign.site.control;

import java.text.Normalizer;
import java.util.Locale;

/** Readable, stable addresses from titles: "Réunion à Guéret !" becomes "reunion-a-gueret". */
public final class Slugs {

  private Slugs() {}

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
