package org.parvis.campaign.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.media.Images;
import org.parvis.kernel.api.sql.Rows;

/**
 * Images editors upload for articles, events and people: the type is told from the content (PNG or
 * JPEG, really decoded), never from the file's name; each image is redrawn (metadata and trailing
 * payloads gone) into three sizes.
 */
@ApplicationScoped
@Transactional
public class MediaLibrary {

  /** The sizes kept, by their longest side. */
  public enum Variant {
    LARGE(1600),
    MEDIUM(800),
    SMALL(320);

    final int maxSide;

    Variant(int maxSide) {
      this.maxSide = maxSide;
    }
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /** An uploaded image, for the editors' list. */
  public record Stored(long id, String title, String uploadedBy, Instant uploadedAt) {}

  /** The bytes of one size of an image. */
  public record Picture(byte[] bytes, String contentType, int width, int height) {}

  /** The outcome of an upload: the image's id, or the message key of the refusal. */
  public record Upload(long id, String problem) {}

  /** Checks, cleans and stores an upload in its three sizes. */
  @Transactional
  public Upload upload(String staff, String title, byte[] bytes, Instant when) {
    // Stored to the microsecond, as both databases keep it: the row is found again by it.
    Instant now = when.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String name = title == null ? "" : title.strip();
    if (name.isEmpty() || name.length() > 200) {
      return new Upload(-1, "media.title.invalid");
    }
    Images.Cleaned large;
    try {
      large = Images.clean(bytes, Variant.LARGE.maxSide);
    } catch (Images.Refused refused) {
      return new Upload(-1, refused.key());
    }
    em.createNativeQuery(
            "INSERT INTO media_image (title, uploaded_by, uploaded_at) VALUES (?, ?, ?)")
        .setParameter(1, name)
        .setParameter(2, staff)
        .setParameter(3, Rows.utc(now))
        .executeUpdate();
    long id =
        Rows.number(
            em.createNativeQuery(
                    "SELECT MAX(id) FROM media_image WHERE uploaded_by = ? AND uploaded_at = ?")
                .setParameter(1, staff)
                .setParameter(2, Rows.utc(now))
                .getSingleResult());
    store(id, Variant.LARGE, large);
    for (var variant : List.of(Variant.MEDIUM, Variant.SMALL)) {
      try {
        store(id, variant, Images.clean(large.bytes(), variant.maxSide));
      } catch (Images.Refused impossible) {
        throw new IllegalStateException("a cleaned image no longer decodes", impossible);
      }
    }
    return new Upload(id, null);
  }

  private void store(long id, Variant variant, Images.Cleaned image) {
    em.createNativeQuery(
            "INSERT INTO media_variant (image_id, variant, content_type, width, height, bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, variant.name())
        .setParameter(3, image.contentType())
        .setParameter(4, image.width())
        .setParameter(5, image.height())
        .setParameter(6, image.bytes())
        .executeUpdate();
  }

  public Optional<Picture> picture(long id, Variant variant) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT bytes, content_type, width, height FROM media_variant"
                    + " WHERE image_id = ? AND variant = ?")
            .setParameter(1, id)
            .setParameter(2, variant.name())
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Picture(
                    (byte[]) r[0],
                    (String) r[1],
                    ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue()));
  }

  /** Uploads per page of the console's list. */
  public static final int PAGE_SIZE = 30;

  /** The latest uploads, 30 per page. */
  public List<Stored> recent(int page) {
    return recent(null, page);
  }

  /** The latest uploads whose title contains the words looked for (all when blank), 30 per page. */
  public List<Stored> recent(String search, int page) {
    return recent(search, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
  }

  /**
   * The latest uploads whose title contains the words looked for (all when blank), from {@code
   * first}, at most {@code size}.
   */
  public List<Stored> recent(String search, int first, int size) {
    String words = Rows.containing(search);
    var query =
        em.createNativeQuery(
            "SELECT id, title, uploaded_by, uploaded_at FROM media_image"
                + (words == null ? "" : " WHERE LOWER(title) LIKE ?")
                + " ORDER BY uploaded_at DESC, id DESC"
                + Rows.page(first, size));
    if (words != null) {
      query.setParameter(1, words);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(r -> new Stored(Rows.number(r[0]), (String) r[1], (String) r[2], Rows.instant(r[3])))
        .toList();
  }

  /** How many uploads have the words looked for in their title (all when blank). */
  public long count(String search) {
    String words = Rows.containing(search);
    var query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM media_image"
                + (words == null ? "" : " WHERE LOWER(title) LIKE ?"));
    if (words != null) {
      query.setParameter(1, words);
    }
    return Rows.number(query.getSingleResult());
  }
}
