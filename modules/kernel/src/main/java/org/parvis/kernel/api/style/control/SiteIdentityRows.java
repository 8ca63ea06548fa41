package org.parvis.kernel.api.style.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.style.IdentityStorage.Picture;
import org.parvis.kernel.api.style.IdentityStorage.Stored;
import org.parvis.kernel.api.style.SiteIdentity;

/**
 * The {@code site_identity} table both databases have (one row, id 1): read and written by each
 * side's control with its own persistence unit, so the same SQL serves the brand's original and the
 * network's copy.
 */
public final class SiteIdentityRows {

  private static String column(Picture picture) {
    return switch (picture) {
      case LOGO -> "logo";
      case ICON -> "icon";
      case SHARE -> "share_image";
    };
  }

  private SiteIdentityRows() {}

  /** The identity stored, if an administrator set one. */
  public static Optional<SiteIdentity> read(EntityManager em) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT party_name, short_name, main_colour, accent_colour, hero_fr, hero_en,"
                    + " version FROM site_identity WHERE id = 1")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new SiteIdentity(
            (String) row[0],
            (String) row[1],
            ((String) row[2]).strip(),
            ((String) row[3]).strip(),
            (String) row[4],
            (String) row[5],
            ((Number) row[6]).longValue()));
  }

  /** Which pictures are stored (one statement). */
  public static Set<Picture> pictures(EntityManager em) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT CASE WHEN logo IS NULL THEN 0 ELSE 1 END,"
                    + " CASE WHEN icon IS NULL THEN 0 ELSE 1 END,"
                    + " CASE WHEN share_image IS NULL THEN 0 ELSE 1 END"
                    + " FROM site_identity WHERE id = 1")
            .getResultList();
    var present = EnumSet.noneOf(Picture.class);
    if (!rows.isEmpty()) {
      Object[] row = (Object[]) rows.get(0);
      for (Picture picture : Picture.values()) {
        if (((Number) row[picture.ordinal()]).intValue() == 1) {
          present.add(picture);
        }
      }
    }
    return present;
  }

  /** A stored picture. */
  public static Optional<Stored> picture(EntityManager em, Picture picture) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + column(picture)
                    + ", "
                    + column(picture)
                    + "_type FROM site_identity WHERE id = 1 AND "
                    + column(picture)
                    + " IS NOT NULL")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Stored((byte[]) row[0], (String) row[1]));
  }

  /**
   * Writes the identity (creating the row the first time) and the pictures given (null keeps the
   * stored one, {@link IdentityStorage#REMOVED} removes it); the version grows by one. Returns the
   * new version.
   */
  public static long write(
      EntityManager em, SiteIdentity identity, Stored logo, Stored icon, Stored share, Instant at) {
    var current = read(em);
    long version = current.map(SiteIdentity::version).orElse(0L) + 1;
    if (current.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO site_identity (id, party_name, short_name, main_colour, accent_colour,"
                  + " version, updated_at) VALUES (1, ?, ?, ?, ?, 0, ?)")
          .setParameter(1, identity.partyName())
          .setParameter(2, identity.shortName())
          .setParameter(3, identity.mainColour())
          .setParameter(4, identity.accentColour())
          .setParameter(5, at.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
    em.createNativeQuery(
            "UPDATE site_identity SET party_name = ?, short_name = ?, main_colour = ?,"
                + " accent_colour = ?, hero_fr = ?, hero_en = ?, version = ?, updated_at = ?"
                + " WHERE id = 1")
        .setParameter(1, identity.partyName())
        .setParameter(2, identity.shortName())
        .setParameter(3, identity.mainColour())
        .setParameter(4, identity.accentColour())
        .setParameter(5, identity.heroFr())
        .setParameter(6, identity.heroEn())
        .setParameter(7, version)
        .setParameter(8, at.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    store(em, Picture.LOGO, logo);
    store(em, Picture.ICON, icon);
    store(em, Picture.SHARE, share);
    return version;
  }

  private static void store(EntityManager em, Picture picture, Stored stored) {
    if (stored == null) {
      return;
    }
    if (stored == IdentityStorage.REMOVED) {
      em.createNativeQuery(
              "UPDATE site_identity SET "
                  + column(picture)
                  + " = NULL, "
                  + column(picture)
                  + "_type = NULL WHERE id = 1")
          .executeUpdate();
      return;
    }
    em.createNativeQuery(
            "UPDATE site_identity SET "
                + column(picture)
                + " = ?, "
                + column(picture)
                + "_type = ? WHERE id = 1")
        .setParameter(1, stored.bytes())
        .setParameter(2, stored.contentType())
        .executeUpdate();
  }
}
