package org.parvis.kernel.api.style;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parvis.kernel.api.media.Images;
import org.parvis.kernel.api.media.SvgImages;

/**
 * The party's identity as one side's database keeps it: the brand's original ({@code
 * PartyIdentities} in the campaign site's api) and the network's copy ({@code NetworkIdentities}).
 */
public interface IdentityStorage {

  /** The images of the identity. */
  enum Picture {
    LOGO,
    ICON,
    SHARE
  }

  /** A stored picture: its bytes and content type. */
  record Stored(byte[] bytes, String contentType) {}

  /** Given to {@link #save} instead of a picture: the stored one is removed. */
  Stored REMOVED = new Stored(null, null);

  /** The identity and which pictures were uploaded, as pages need them. */
  record Current(SiteIdentity identity, Set<Picture> pictures) {}

  /** The identity now (the defaults under the configured party name until one is saved). */
  SiteIdentity current();

  /** The identity and its pictures, read at most every few seconds (every page shows them). */
  Current now();

  /** A picture of the identity, if one was uploaded. */
  Optional<Stored> picture(Picture picture);

  /** Whether a picture was uploaded (pages then point to it instead of Parvis's own). */
  boolean has(Picture picture);

  /**
   * Saves the identity and the pictures given (null keeps the stored one, {@link #REMOVED} removes
   * it), or says what is wrong by field without saving anything.
   */
  Map<String, SiteIdentity.Problem> save(
      SiteIdentity draft, Stored logo, Stored icon, Stored share);

  /**
   * An uploaded picture made safe to store: the logo and the icon may be an SVG drawing (checked
   * element by element) or a PNG or JPEG (redrawn, metadata left behind, at most 512 px); the
   * sharing image, which social networks fetch, is a PNG or JPEG of at most 1200 px.
   */
  static Stored prepare(byte[] upload, Picture picture) throws Images.Refused {
    if (picture != Picture.SHARE && SvgImages.looksLikeSvg(upload)) {
      return new Stored(SvgImages.check(upload), "image/svg+xml");
    }
    var cleaned = Images.clean(upload, picture == Picture.SHARE ? 1200 : 512);
    return new Stored(cleaned.bytes(), cleaned.contentType());
  }
}
