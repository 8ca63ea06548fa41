package org.parvis.console.network.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parvis.network.api.Standings;

/** Where the network is most alive: départements, members and officials over a period. */
@Named
@RequestScoped
public class NetworkActivityPage {

  @Inject Standings standings;

  private String period;
  private Standings.Activity activity;

  public Standings.Activity getActivity() {
    if (activity == null) {
      activity = standings.mostActive(getPeriod());
    }
    return activity;
  }

  public String getPeriod() {
    return "week".equals(period) || "all".equals(period) ? period : "month";
  }

  public void setPeriod(String period) {
    this.period = period;
  }
}
