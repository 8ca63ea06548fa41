package org.parvis.network.home.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Commune;

/** The network's home page, with "find my commune" by postal code. */
@Named
@RequestScoped
public class NetworkHomePage {

  @Inject TerritoryDirectory territories;

  @Inject
  @ConfigProperty(name = "parvis.brand.url", defaultValue = "/")
  String brandUrl;

  private String postalCode;
  private List<Commune> communes;

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

  public long getCommuneCount() {
    return territories.communeCount();
  }

  public String getBrandUrl() {
    return brandUrl;
  }
}
