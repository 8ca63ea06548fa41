package org.parvis.network.home.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.NetworkFigures;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Commune;

/** The network's home page, with "find my commune" by postal code. */
@Named
@RequestScoped
public class NetworkHomePage {

  @Inject TerritoryDirectory territories;
  @Inject NetworkFigures figures;
  @Inject Initiatives initiatives;

  private static final int SHOWN = 4;

  @Inject
  @ConfigProperty(name = "parvis.brand.url", defaultValue = "/")
  String brandUrl;

  private String postalCode;
  private List<Commune> communes;
  private List<Initiatives.Summary> hot;
  private List<Initiatives.Summary> near;

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public boolean isSearched() {
    return postalCode != null && !postalCode.isBlank();
  }

  public List<Commune> getCommunes() {
    if (communes == null) {
      communes = isSearched() ? territories.byPostalCode(postalCode) : List.of();
    }
    return communes;
  }

  /** Initiatives open, signatures this week, answers this month. */
  public NetworkFigures.Figures getFigures() {
    return figures.now();
  }

  /** The initiatives most alive right now (the "hot" order of the lists). */
  public List<Initiatives.Summary> getHot() {
    if (hot == null) {
      hot = hot();
    }
    return hot;
  }

  private List<Initiatives.Summary> hot() {
    return initiatives
        .list(new Initiatives.Filter(null, null, null, null, "hot", null), 0)
        .items()
        .stream()
        .limit(SHOWN)
        .toList();
  }

  /** Near the commune the visitor found, when its postal code names exactly one. */
  public List<Initiatives.Summary> getNear() {
    if (near == null) {
      near = near();
    }
    return near;
  }

  private List<Initiatives.Summary> near() {
    var found = getCommunes();
    if (found.size() != 1) {
      return List.of();
    }
    return initiatives
        .list(
            new Initiatives.Filter(null, null, null, null, "near", null, null, found.get(0).code()),
            0)
        .items()
        .stream()
        .limit(SHOWN)
        .toList();
  }

  public long getCommuneCount() {
    return territories.communeCount();
  }

  /** A legal page of the party's site (legal notice, privacy, accessibility), by its name. */
  public String legalPage(String name) {
    return (brandUrl.endsWith("/") ? brandUrl : brandUrl + "/") + "page.xhtml?nom=" + name;
  }

  public String getBrandUrl() {
    return brandUrl;
  }
}
