package org.parvis.campaign.site.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parvis.campaign.site.control.BrandPages;

/** A page editors write: legal notice, privacy policy, accessibility statement. */
@Named
@RequestScoped
public class LegalPage {

  @Inject FacesContext faces;
  @Inject BrandPages pages;

  private String name;
  private BrandPages.Slug slug;
  private BrandPages.Page page;

  public void load() throws IOException {
    slug = BrandPages.Slug.of(String.valueOf(name)).orElse(null);
    if (slug == null) {
      faces.getExternalContext().responseSendError(404, "no such page");
      faces.responseComplete();
      return;
    }
    page = pages.page(slug).orElse(null);
  }

  /** The written page, or null while no editor has written it. */
  public BrandPages.Page getPage() {
    return page;
  }

  public String getSlugName() {
    return slug == null ? "" : slug.name();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
