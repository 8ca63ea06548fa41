package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parvis.campaign.media.control.MediaLibrary;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;

/**
 * Editors write an article (title, summary, body in safe HTML, categories, tags, cover), see its
 * preview as readers will, and publish it now, schedule it, archive it or take it back to draft.
 */
@Named
@RequestScoped
public class ArticleEditor {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject FacesContext faces;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject SecurityContext security;
  @Inject Newsroom newsroom;
  @Inject MediaLibrary media;
  @Inject PageMessages messages;

  private Long id;
  private String title;
  private String summary;
  private String body;
  private String categories;
  private String tags;
  private Long cover;
  private String publishAt;
  private Newsroom.Article article;
  private int page;

  /** The article from the address or from the form's hidden field; its fields for the form. */
  @PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    id = EditedRow.id(faces);
    try {
      page = Math.max(0, Integer.parseInt(String.valueOf(parameters.get("page"))));
    } catch (NumberFormatException e) {
      page = 0;
    }
    article = id == null ? null : newsroom.article(id).orElse(null);
    if (article == null) {
      id = null;
      return;
    }
    title = article.title();
    summary = article.summary();
    body = article.body();
    categories =
        article.categories().stream().map(Newsroom.Label::name).collect(Collectors.joining(", "));
    tags = article.tags().stream().map(Newsroom.Label::name).collect(Collectors.joining(", "));
    cover = article.coverImageId();
  }

  private List<Newsroom.Summary> articles;

  /** The list's status filter from the address ({@code ?statut=DRAFT}); unknown: all. */
  private Newsroom.Status status() {
    Object asked = faces.getExternalContext().getRequestParameterMap().get("statut");
    for (var s : Newsroom.Status.values()) {
      if (s.name().equals(asked)) {
        return s;
      }
    }
    return null;
  }

  /** The status filtered on, "" for all. */
  public String getStatus() {
    var s = status();
    return s == null ? "" : s.name();
  }

  public List<String> getStatuses() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(""),
            java.util.Arrays.stream(Newsroom.Status.values()).map(Enum::name))
        .toList();
  }

  /** One page of the list, 30 rows. */
  public List<Newsroom.Summary> getArticles() {
    if (articles == null) {
      articles = newsroom.forEditors(status(), page);
    }
    return articles.size() > 30 ? articles.subList(0, 30) : articles;
  }

  /** Whether a next page exists (the list read one row more than it shows). */
  public boolean isMore() {
    getArticles();
    return articles.size() > 30;
  }

  public long getCount() {
    return newsroom.count(status());
  }

  public List<MediaLibrary.Stored> getImages() {
    return media.recent(0);
  }

  @Audited(value = "ARTICLE_SAVED", side = "brand")
  public String save() {
    var saved =
        newsroom.save(
            staff(),
            staff(),
            id,
            new Newsroom.Draft(title, summary, body, categories, tags, cover),
            Instant.now());
    if (!saved.ok()) {
      saved.problems().forEach((field, key) -> messages.errorOn(field, key));
      return null;
    }
    subject.about("id=" + saved.id());
    messages.info("article.saved");
    messages.keepForNextPage();
    return "/staff/content/article.xhtml?faces-redirect=true&id=" + saved.id();
  }

  @Audited(value = "ARTICLE_PUBLISHED", side = "brand")
  public String publish() {
    return outcome(newsroom.publishNow(id, Instant.now()), "article.published");
  }

  @Audited(value = "ARTICLE_SCHEDULED", side = "brand")
  public String schedule() {
    Instant at;
    try {
      at = LocalDateTime.parse(String.valueOf(publishAt)).atZone(PARIS).toInstant();
    } catch (DateTimeParseException e) {
      messages.errorOn("publishAt", "article.schedule.invalid");
      return null;
    }
    return outcome(newsroom.schedule(id, at, Instant.now()), "article.scheduled");
  }

  @Audited(value = "ARTICLE_ARCHIVED", side = "brand")
  public String archive() {
    return outcome(newsroom.archive(id), "article.archived");
  }

  @Audited(value = "ARTICLE_UNPUBLISHED", side = "brand")
  public String unpublish() {
    return outcome(newsroom.unpublish(id), "article.unpublished");
  }

  private String outcome(Optional<String> problem, String done) {
    if (id == null) {
      messages.error("news.unknown");
      return null;
    }
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info(done);
    messages.keepForNextPage();
    return "/staff/content/article.xhtml?faces-redirect=true&id=" + id;
  }

  private String staff() {
    return security.getCallerPrincipal().getName();
  }

  public Newsroom.Article getArticle() {
    return article;
  }

  public Long getId() {
    return id;
  }

  public int getPage() {
    return page;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getCategories() {
    return categories;
  }

  public void setCategories(String categories) {
    this.categories = categories;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public Long getCover() {
    return cover;
  }

  public void setCover(Long cover) {
    this.cover = cover;
  }

  public String getPublishAt() {
    return publishAt;
  }

  public void setPublishAt(String publishAt) {
    this.publishAt = publishAt;
  }
}
