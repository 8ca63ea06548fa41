package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.entity.Initiative.Theme;
import org.parvis.network.member.boundary.CurrentMember;

/**
 * The list of initiatives with its filters (territory, theme, status, sort, words), a plain GET
 * form: every list is a link one can share, and it works without JavaScript.
 */
@Named
@RequestScoped
public class InitiativeListPage {

  @Inject Initiatives initiatives;
  @Inject CurrentMember current;
  @Inject org.parvis.network.member.control.Members members;

  private String kind;
  private String code;
  private String theme;
  private String status;
  private String sort;
  private String words;
  private String period;
  private String near;
  private int page;
  private Initiatives.Page result;

  public Initiatives.Page getResult() {
    if (result == null) {
      String commune = near;
      if ("near".equals(sort) && (commune == null || commune.isBlank()) && current.isSignedIn()) {
        commune = members.confirmed(current.handle()).map(m -> m.commune().code()).orElse(null);
      }
      result =
          initiatives.list(
              new Filter(kind, code, theme, status, sort, words, period, commune), page);
    }
    return result;
  }

  /**
   * The parameters of the address whose value the list does not know (a mistyped or old link): the
   * page says they were ignored instead of silently showing another list.
   */
  public String getUnknown() {
    return String.join(
        ", ", new Filter(kind, code, theme, status, sort, words, period, near).unknown());
  }

  public List<String> getThemes() {
    return Arrays.stream(Theme.values()).map(Enum::name).toList();
  }

  /** The address of another page of the same list. */
  public String pageLink(int number) {
    var parameters = new LinkedHashMap<String, String>();
    parameters.put("territoire", kind);
    parameters.put("code", code);
    parameters.put("theme", theme);
    parameters.put("statut", status);
    parameters.put("tri", sort);
    parameters.put("q", words);
    parameters.put("periode", period);
    parameters.put("pres", near);
    parameters.put("page", Integer.toString(number));
    return "?"
        + parameters.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
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

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getWords() {
    return words;
  }

  public void setWords(String words) {
    this.words = words;
  }

  /** The feed of this list: the theme's when one is chosen, otherwise the latest initiatives. */
  public String getFeedPath() {
    return theme != null && theme.matches("[A-Z_]{1,20}")
        ? "/flux/themes/" + theme
        : "/flux/initiatives";
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public String getNear() {
    return near;
  }

  public void setNear(String near) {
    this.near = near;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
