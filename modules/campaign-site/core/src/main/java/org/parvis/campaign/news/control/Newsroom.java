package org.parvis.campaign.news.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.campaign.site.control.Saved;
import org.parvis.campaign.site.control.Slugs;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * The party's news: editors write articles as drafts, schedule them or publish them at once, and
 * archive them; readers see published ones, newest first, by category too. A scheduled article is
 * published by {@link #publishDue(Instant)} once its time has come, dated from that time.
 */
@ApplicationScoped
@Transactional
public class Newsroom {

  public static final int PAGE_SIZE = 10;
  static final int MAX_LABELS = 5;

  /** Where an article stands. */
  public enum Status {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /** What an editor typed: categories and tags separated by commas. */
  public record Draft(
      String title,
      String summary,
      String body,
      String categories,
      String tags,
      Long coverImageId) {}

  /** A category or a tag, with its address. */
  public record Label(String slug, String name) {}

  /** An article as its page shows it (the body is already cleaned). */
  public record Article(
      long id,
      String slug,
      String title,
      String summary,
      String body,
      Long coverImageId,
      String authorName,
      Status status,
      Instant publishAt,
      Instant publishedAt,
      Instant updatedAt,
      List<Label> categories,
      List<Label> tags) {}

  /** An article in a list. */
  public record Summary(
      long id,
      String slug,
      String title,
      String summary,
      Long coverImageId,
      String authorName,
      Status status,
      Instant publishAt,
      Instant publishedAt,
      Instant updatedAt) {}

  /** Creates ({@code id} null) or rewrites an article; its address stays the one it got first. */
  @Transactional
  public Saved save(String staff, String staffName, Long id, Draft draft, Instant now) {
    var problems = new LinkedHashMap<String, String>();
    String title = strip(draft.title());
    String summary = strip(draft.summary());
    String body = SafeHtml.sanitize(draft.body() == null ? "" : draft.body());
    if (title.length() < 3 || title.length() > 200) {
      problems.put("title", "news.title.invalid");
    }
    if (summary.length() < 10 || summary.length() > 500) {
      problems.put("summary", "news.summary.invalid");
    }
    if (SafeHtml.plainText(body).isBlank() || body.length() > 60_000) {
      problems.put("body", "news.body.invalid");
    }
    var categories = labels(draft.categories());
    var tags = labels(draft.tags());
    if (categories == null || categories.size() > MAX_LABELS) {
      problems.put("categories", "news.labels.invalid");
    }
    if (tags == null || tags.size() > MAX_LABELS) {
      problems.put("tags", "news.labels.invalid");
    }
    if (draft.coverImageId() != null && !imageExists(draft.coverImageId())) {
      problems.put("cover", "news.cover.invalid");
    }
    if (id != null && article(id).isEmpty()) {
      problems.put("title", "news.unknown");
    }
    if (!problems.isEmpty()) {
      return Saved.refused(id, problems);
    }
    long articleId;
    if (id == null) {
      String slug = Slugs.free(em, "news_article", Slugs.of(title, 100));
      em.createNativeQuery(
              "INSERT INTO news_article (slug, title, summary, body, cover_image_id, author,"
                  + " author_name, status, created_at, updated_at)"
                  // The byline is the writer's display name, not their login.
                  + " VALUES (?, ?, ?, ?, CAST(? AS BIGINT), ?,"
                  + " COALESCE((SELECT s.display_name FROM staff_account s WHERE s.username = ?), ?),"
                  + " 'DRAFT', ?, ?)")
          .setParameter(1, slug)
          .setParameter(2, title)
          .setParameter(3, summary)
          .setParameter(4, body)
          .setParameter(5, draft.coverImageId())
          .setParameter(6, staff)
          .setParameter(7, staff)
          .setParameter(8, staffName)
          .setParameter(9, Rows.utc(now))
          .setParameter(10, Rows.utc(now))
          .executeUpdate();
      articleId =
          Rows.number(
              em.createNativeQuery("SELECT id FROM news_article WHERE slug = ?")
                  .setParameter(1, slug)
                  .getSingleResult());
    } else {
      articleId = id;
      em.createNativeQuery(
              "UPDATE news_article SET title = ?, summary = ?, body = ?,"
                  + " cover_image_id = CAST(? AS BIGINT), updated_at = ? WHERE id = ?")
          .setParameter(1, title)
          .setParameter(2, summary)
          .setParameter(3, body)
          .setParameter(4, draft.coverImageId())
          .setParameter(5, Rows.utc(now))
          .setParameter(6, articleId)
          .executeUpdate();
      em.createNativeQuery("DELETE FROM news_label WHERE article_id = ?")
          .setParameter(1, articleId)
          .executeUpdate();
    }
    insertLabels(articleId, 'C', categories);
    insertLabels(articleId, 'T', tags);
    return new Saved(articleId, Map.of());
  }

  /** Publishes the article at {@code at}, which must be in the future. */
  @Transactional
  public Optional<String> schedule(long id, Instant at, Instant now) {
    if (at == null || !at.isAfter(now)) {
      return Optional.of("news.schedule.past");
    }
    return move(
        id,
        "status = 'SCHEDULED', publish_at = ?, published_at = NULL",
        Rows.utc(at),
        "'DRAFT', 'SCHEDULED'");
  }

  /** Publishes at once; an archived article comes back with its first publication date. */
  @Transactional
  public Optional<String> publishNow(long id, Instant now) {
    return move(
        id,
        "status = 'PUBLISHED', publish_at = NULL, published_at = COALESCE(published_at, ?)",
        Rows.utc(now),
        "'DRAFT', 'SCHEDULED', 'ARCHIVED'");
  }

  /** Out of the lists and feeds; its page stays readable, marked archived. */
  @Transactional
  public Optional<String> archive(long id) {
    return move(id, "status = 'ARCHIVED'", null, "'PUBLISHED'");
  }

  /** Takes a scheduled, published or archived article back to draft. */
  @Transactional
  public Optional<String> unpublish(long id) {
    return move(
        id,
        "status = 'DRAFT', publish_at = NULL, published_at = NULL",
        null,
        "'SCHEDULED', 'PUBLISHED', 'ARCHIVED'");
  }

  private Optional<String> move(long id, String set, Object parameter, String from) {
    var query =
        em.createNativeQuery(
            "UPDATE news_article SET " + set + " WHERE id = ? AND status IN (" + from + ")");
    int position = 1;
    if (parameter != null) {
      query.setParameter(position++, parameter);
    }
    query.setParameter(position, id);
    return query.executeUpdate() == 1 ? Optional.empty() : Optional.of("news.status.invalid");
  }

  /**
   * Publishes every scheduled article whose time has come, dated from its scheduled time (not from
   * when this ran). Returns how many.
   */
  @Transactional
  public int publishDue(Instant now) {
    return em.createNativeQuery(
            "UPDATE news_article SET status = 'PUBLISHED', published_at = publish_at,"
                + " publish_at = NULL WHERE status = 'SCHEDULED' AND publish_at <= ?")
        .setParameter(1, Rows.utc(now))
        .executeUpdate();
  }

  /** Any article, for editors. */
  public Optional<Article> article(long id) {
    return one("a.id = ?", id);
  }

  /** A published (or archived: links keep working) article, for readers. */
  public Optional<Article> published(String slug) {
    return one("a.slug = ? AND a.status IN ('PUBLISHED', 'ARCHIVED')", slug);
  }

  private Optional<Article> one(String where, Object key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.id, a.slug, a.title, a.summary, a.body, a.cover_image_id, a.author_name,"
                    + " a.status, a.publish_at, a.published_at, a.updated_at FROM news_article a"
                    + " WHERE "
                    + where)
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    long id = Rows.number(r[0]);
    @SuppressWarnings("unchecked")
    List<Object[]> labels =
        em.createNativeQuery(
                "SELECT kind, slug, name FROM news_label WHERE article_id = ? ORDER BY kind, name")
            .setParameter(1, id)
            .getResultList();
    var categories = new ArrayList<Label>();
    var tags = new ArrayList<Label>();
    for (Object[] l : labels) {
      (String.valueOf(l[0]).equals("C") ? categories : tags)
          .add(new Label((String) l[1], (String) l[2]));
    }
    return Optional.of(
        new Article(
            id,
            (String) r[1],
            (String) r[2],
            (String) r[3],
            (String) r[4],
            Rows.nullableNumber(r[5]),
            (String) r[6],
            Status.valueOf((String) r[7]),
            Rows.instant(r[8]),
            Rows.instant(r[9]),
            Rows.instant(r[10]),
            categories,
            tags));
  }

  private static final String SUMMARY_COLUMNS =
      "SELECT a.id, a.slug, a.title, a.summary, a.cover_image_id, a.author_name, a.status,"
          + " a.publish_at, a.published_at, a.updated_at FROM news_article a";

  /**
   * Published articles, newest first, one page ({@link #PAGE_SIZE}, plus one to tell whether there
   * are more); in a category when {@code category} is not null.
   */
  public List<Summary> published(String category, int page) {
    String sql =
        category == null
            ? SUMMARY_COLUMNS + " WHERE a.status = 'PUBLISHED'"
            : SUMMARY_COLUMNS
                + " JOIN news_label l ON l.article_id = a.id AND l.kind = 'C' AND l.slug = ?"
                + " WHERE a.status = 'PUBLISHED'";
    var query =
        em.createNativeQuery(
            sql
                + " ORDER BY a.published_at DESC, a.id DESC"
                + Rows.page(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1));
    if (category != null) {
      query.setParameter(1, category);
    }
    return summaries(query.getResultList());
  }

  /** The newest published articles, for feeds and the sitemap. */
  public List<Summary> latest(int count) {
    return summaries(
        em.createNativeQuery(
                SUMMARY_COLUMNS
                    + " WHERE a.status = 'PUBLISHED' ORDER BY a.published_at DESC, a.id DESC"
                    + Rows.page(0, count))
            .getResultList());
  }

  /** Every article for editors, the latest changed first. */
  public List<Summary> forEditors(int page) {
    return forEditors(null, page);
  }

  /**
   * Articles for editors, last changed first, in one status (all with null): page {@code page} of
   * 30, plus one to tell whether there are more.
   */
  public List<Summary> forEditors(Status status, int page) {
    var query =
        em.createNativeQuery(
            SUMMARY_COLUMNS
                + (status == null ? "" : " WHERE a.status = ?")
                + " ORDER BY a.updated_at DESC, a.id DESC"
                + Rows.page(Math.max(0, page) * 30, 31));
    if (status != null) {
      query.setParameter(1, status.name());
    }
    return summaries(query.getResultList());
  }

  /** How many articles are in the status (all with null). */
  public long count(Status status) {
    var query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM news_article" + (status == null ? "" : " WHERE status = ?"));
    if (status != null) {
      query.setParameter(1, status.name());
    }
    return Rows.number(query.getSingleResult());
  }

  /** The categories of published articles, by name. */
  public List<Label> categories() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT DISTINCT l.slug, l.name FROM news_label l JOIN news_article a"
                    + " ON a.id = l.article_id WHERE l.kind = 'C' AND a.status = 'PUBLISHED'"
                    + " ORDER BY l.name LIMIT 100")
            .getResultList();
    return rows.stream().map(r -> new Label((String) r[0], (String) r[1])).toList();
  }

  /** The name of a category, if a published article has it. */
  public Optional<String> categoryName(String slug) {
    return categories().stream().filter(l -> l.slug().equals(slug)).map(Label::name).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<Summary> summaries(List<?> rows) {
    return ((List<Object[]>) rows)
        .stream()
            .map(
                r ->
                    new Summary(
                        Rows.number(r[0]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        Rows.nullableNumber(r[4]),
                        (String) r[5],
                        Status.valueOf((String) r[6]),
                        Rows.instant(r[7]),
                        Rows.instant(r[8]),
                        Rows.instant(r[9])))
            .toList();
  }

  /** Labels typed as "Santé, Logement": null when one is too long. */
  static List<Label> labels(String typed) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    Map<String, Label> bySlug = new LinkedHashMap<>();
    for (String name : Arrays.stream(typed.split(",")).map(String::strip).toList()) {
      if (name.isEmpty()) {
        continue;
      }
      if (name.length() > 60) {
        return null;
      }
      String slug = Slugs.of(name, 60);
      bySlug.putIfAbsent(slug, new Label(slug, name));
    }
    return List.copyOf(bySlug.values());
  }

  private void insertLabels(long articleId, char kind, List<Label> labels) {
    for (var label : labels) {
      em.createNativeQuery(
              "INSERT INTO news_label (article_id, kind, slug, name) VALUES (?, ?, ?, ?)")
          .setParameter(1, articleId)
          .setParameter(2, String.valueOf(kind))
          .setParameter(3, label.slug())
          .setParameter(4, label.name())
          .executeUpdate();
    }
  }

  private boolean imageExists(long imageId) {
    return Rows.number(
            em.createNativeQuery("SELECT COUNT(*) FROM media_image WHERE id = ?")
                .setParameter(1, imageId)
                .getSingleResult())
        > 0;
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }
}
