package org.parvis.campaign.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * The pages editors write in the console: legal notice, privacy policy, accessibility statement.
 * Until an editor writes one, its page says it is still to be written (never an invented text).
 */
@ApplicationScoped
@Transactional
public class BrandPages {

  /** The pages, by their address. */
  public enum Slug {
    MENTIONS_LEGALES("mentions-legales"),
    CONFIDENTIALITE("confidentialite"),
    ACCESSIBILITE("accessibilite");

    public final String path;

    Slug(String path) {
      this.path = path;
    }

    /** The page's address (for pages). */
    public String getPath() {
      return path;
    }

    public static Optional<Slug> of(String path) {
      for (var s : values()) {
        if (s.path.equals(path)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** A written page. */
  public record Page(String slug, String title, String body, String updatedBy, Instant updatedAt) {}

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  public Optional<Page> page(Slug slug) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT slug, title, body, updated_by, updated_at FROM brand_page WHERE slug = ?")
            .setParameter(1, slug.path)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Page(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    Rows.instant(r[4])));
  }

  /** Writes a page; returns the problem's message key, if any. */
  @Transactional
  public Optional<String> write(Slug slug, String title, String body, String staff, Instant now) {
    String t = title == null ? "" : title.strip();
    String clean = SafeHtml.sanitize(body == null ? "" : body);
    if (t.length() < 3 || t.length() > 200) {
      return Optional.of("page.title.invalid");
    }
    if (SafeHtml.plainText(clean).isBlank() || clean.length() > 60_000) {
      return Optional.of("page.body.invalid");
    }
    em.createNativeQuery(
            "MERGE INTO brand_page p USING (SELECT CAST(? AS VARCHAR(40)) AS slug) v"
                + " ON (p.slug = v.slug)"
                + " WHEN MATCHED THEN UPDATE SET title = ?, body = ?, updated_by = ?, updated_at = ?"
                + " WHEN NOT MATCHED THEN INSERT (slug, title, body, updated_by, updated_at)"
                + " VALUES (v.slug, ?, ?, ?, ?)")
        .setParameter(1, slug.path)
        .setParameter(2, t)
        .setParameter(3, clean)
        .setParameter(4, staff)
        .setParameter(5, Rows.utc(now))
        .setParameter(6, t)
        .setParameter(7, clean)
        .setParameter(8, staff)
        .setParameter(9, Rows.utc(now))
        .executeUpdate();
    return Optional.empty();
  }
}
