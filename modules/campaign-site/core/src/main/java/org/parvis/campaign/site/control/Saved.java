package org.parvis.campaign.site.control;

import java.util.Map;

/**
 * The outcome of saving what an editor typed: the row's id, or the problems by field (message keys
 * of the site's bundle).
 */
public record Saved(long id, Map<String, String> problems) {

  public boolean ok() {
    return problems.isEmpty();
  }

  /** Refused: nothing was written. */
  public static Saved refused(Long id, Map<String, String> problems) {
    return new Saved(id == null ? -1 : id, Map.copyOf(problems));
  }
}
