package org.parvis.network.transparency.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.network.api.Transparency;

/**
 * The public transparency page: moderation's figures for the last twelve months and the charter.
 */
@Named
@RequestScoped
public class TransparencyPage {

  @Inject Instance<Transparency> transparency;

  private List<Transparency.Month> months;

  public List<Transparency.Month> getMonths() {
    if (months == null) {
      months = transparency.isResolvable() ? transparency.get().months(12) : List.of();
    }
    return months;
  }

  public List<String> getReasons() {
    return Transparency.REPORT_REASONS;
  }

  public List<String> getActions() {
    return Transparency.ACTIONS;
  }
}
