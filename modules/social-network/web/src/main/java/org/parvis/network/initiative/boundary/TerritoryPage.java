package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.Officials;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.Participation;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Territory;

/** A territory's page: its initiatives, its officials, its most active members. */
@Named
@RequestScoped
public class TerritoryPage {

  static final int ACTIVE_MEMBERS = 10;

  @Inject FacesContext faces;
  @Inject CurrentMember member;
  @Inject TerritoryDirectory territories;
  @Inject Initiatives initiatives;
  @Inject OfficialRegistry officials;
  @Inject Participation participation;
  @Inject Follows follows;
  @Inject PageMessages messages;
  @Inject org.parvis.network.feed.boundary.Sharing sharing;

  private String kind;
  private String code;
  private int page;
  private Territory territory;
  private Initiatives.Page result;
  private List<Officials.Mandate> mandates;

  /**
   * Reads the address's parameters before anything else: on a form's postback they come from hidden
   * fields, and the page needs them to know which buttons it shows.
   */
  @jakarta.annotation.PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    kind = parameters.get("type");
    code = parameters.get("code");
  }

  public void load() throws IOException {
    territory = territories.resolve(kind, code).orElse(null);
    if (territory == null) {
      faces.getExternalContext().responseSendError(404, "no such territory");
      faces.responseComplete();
    }
  }

  /** The page's public address, for sharing and Open Graph. */
  public String getShareUrl() {
    var t = getTerritory();
    return sharing.url(
        "/territoires/voir.xhtml?type=" + t.kind() + (t.code() == null ? "" : "&code=" + t.code()));
  }

  public String getFeedPath() {
    var t = getTerritory();
    return "/flux/territoires/" + t.kind() + "/" + (t.code() == null ? "FR" : t.code());
  }

  /** The leaderboards of this territory. */
  public String getLeaderboardQuery() {
    var t = getTerritory();
    return "?territoire=" + t.kind() + (t.code() == null ? "" : "&code=" + t.code());
  }

  public Territory getTerritory() {
    if (territory == null) {
      territory = territories.resolve(kind, code).orElse(null);
    }
    return territory;
  }

  public Initiatives.Page getResult() {
    if (result == null) {
      result =
          initiatives.list(
              new Filter(getTerritory().kind(), getTerritory().code(), null, null, "active", null),
              page);
    }
    return result;
  }

  public List<Officials.Mandate> getOfficials() {
    if (mandates == null) {
      mandates = officials.ofTerritory(getTerritory());
    }
    return mandates;
  }

  public List<Participation.Contributor> getMostActive() {
    return participation.mostActive(getTerritory(), ACTIVE_MEMBERS);
  }

  public boolean isFollowing() {
    return member.isSignedIn()
        && follows.follows(member.handle(), Follows.TERRITORY, getTerritory().followKey());
  }

  public String follow() {
    follows.follow(member.handle(), Follows.TERRITORY, getTerritory().followKey());
    messages.info("follow.done");
    messages.keepForNextPage();
    return back();
  }

  public String unfollow() {
    follows.unfollow(member.handle(), Follows.TERRITORY, getTerritory().followKey());
    messages.info("follow.undone");
    messages.keepForNextPage();
    return back();
  }

  private String back() {
    return "/territoires/voir.xhtml?faces-redirect=true&type="
        + getTerritory().kind()
        + (getTerritory().code() == null ? "" : "&code=" + getTerritory().code());
  }

  public String pageLink(int number) {
    return "?type=" + kind + (code == null ? "" : "&code=" + code) + "&page=" + number;
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

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
