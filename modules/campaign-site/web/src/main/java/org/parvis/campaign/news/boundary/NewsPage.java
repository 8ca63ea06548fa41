package org.parvis.campaign.news.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parvis.campaign.news.control.Newsroom;

/** The news list, newest first, ten per page; a category's list when one is asked. */
@Named
@RequestScoped
public class NewsPage {

  @Inject FacesContext faces;
  @Inject Newsroom newsroom;

  private String category;
  private int page;
  private String categoryName;
  private List<Newsroom.Summary> items;

  /** 404 for a category no published article has. */
  public void load() throws IOException {
    if (category != null && !category.isBlank()) {
      categoryName = newsroom.categoryName(category).orElse(null);
      if (categoryName == null) {
        faces.getExternalContext().responseSendError(404, "no such category");
        faces.responseComplete();
      }
    } else {
      category = null;
    }
  }

  public List<Newsroom.Summary> getItems() {
    if (items == null) {
      var all = newsroom.published(category, Math.max(0, page));
      items = all.subList(0, Math.min(all.size(), Newsroom.PAGE_SIZE));
      more = all.size() > Newsroom.PAGE_SIZE;
    }
    return items;
  }

  private boolean more;

  public boolean isMore() {
    getItems();
    return more;
  }

  public List<Newsroom.Label> getCategories() {
    return newsroom.categories();
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getCategoryName() {
    return categoryName;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, page);
  }
}
