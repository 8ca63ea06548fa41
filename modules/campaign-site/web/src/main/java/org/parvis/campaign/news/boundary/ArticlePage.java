package org.parvis.campaign.news.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.campaign.site.boundary.BrandSite;

/** One article, by its address; 404 unless published (or archived). */
@Named
@RequestScoped
public class ArticlePage {

  @Inject FacesContext faces;
  @Inject Newsroom newsroom;
  @Inject BrandSite site;

  private String slug;
  private Newsroom.Article article;

  public void load() throws IOException {
    article = slug == null ? null : newsroom.published(slug).orElse(null);
    if (article == null) {
      faces.getExternalContext().responseSendError(404, "no such article");
      faces.responseComplete();
    }
  }

  public Newsroom.Article getArticle() {
    return article;
  }

  public String getUrl() {
    return site.url("/actualites/article.xhtml?slug=" + slug);
  }

  /** The cover's absolute address, for Open Graph, or null. */
  public String getImageUrl() {
    return article == null || article.coverImageId() == null
        ? null
        : site.url("/medias/" + article.coverImageId() + "/LARGE");
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }
}
