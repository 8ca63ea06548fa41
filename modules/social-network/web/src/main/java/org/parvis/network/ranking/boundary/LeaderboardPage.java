package org.parvis.network.ranking.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.network.ranking.control.Leaderboards;
import org.parvis.network.ranking.control.Leaderboards.MemberStanding;
import org.parvis.network.ranking.control.Leaderboards.OfficialStanding;
import org.parvis.network.ranking.control.Leaderboards.Period;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Territory;

/**
 * The leaderboards page: members by points and officials by responsiveness, for a territory
 * (national when none or an unknown one is asked) and a period (the last 30 days by default).
 */
@Named
@RequestScoped
public class LeaderboardPage {

  @Inject Leaderboards leaderboards;
  @Inject TerritoryDirectory territories;

  private String kind;
  private String code;
  private String period;
  private String who;
  private Territory territory;
  private List<MemberStanding> members;
  private List<OfficialStanding> officials;

  public Territory getTerritory() {
    if (territory == null) {
      territory =
          territories
              .resolve(kind == null || kind.isBlank() ? "NATIONAL" : kind, code)
              .orElseGet(() -> territories.resolve("NATIONAL", null).orElseThrow());
    }
    return territory;
  }

  public String getPeriodName() {
    return Period.of(period).name().toLowerCase(java.util.Locale.ROOT);
  }

  public List<MemberStanding> getMembers() {
    if (members == null) {
      members = leaderboards.members(getTerritory(), Period.of(period));
    }
    return members;
  }

  public List<OfficialStanding> getOfficials() {
    if (officials == null) {
      officials = leaderboards.officials(getTerritory(), Period.of(period));
    }
    return officials;
  }

  /** Which boards the page shows: {@code membres}, {@code elus}, or both (default). */
  public boolean isShowingMembers() {
    return !"elus".equals(who);
  }

  public boolean isShowingOfficials() {
    return !"membres".equals(who);
  }

  public String getWho() {
    return who;
  }

  public void setWho(String who) {
    this.who = who;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }
}
