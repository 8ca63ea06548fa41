package org.parvis.campaign.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.kernel.api.StoredBytes;

/** The room pictures take in the brand database: the library (every size) and the identity's. */
@ApplicationScoped
@Transactional
public class MediaStorage implements StoredBytes {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  public String side() {
    return "brand";
  }

  @Override
  public List<Usage> usage() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT COUNT(*) FROM media_image),"
                        + " (SELECT COALESCE(SUM(OCTET_LENGTH(bytes)), 0) FROM media_variant),"
                        + " (SELECT COUNT(logo) + COUNT(icon) + COUNT(share_image) FROM site_identity),"
                        + " (SELECT COALESCE(SUM(COALESCE(OCTET_LENGTH(logo), 0)"
                        + " + COALESCE(OCTET_LENGTH(icon), 0) + COALESCE(OCTET_LENGTH(share_image), 0)),"
                        + " 0) FROM site_identity)")
                .getSingleResult();
    return List.of(
        new Usage("media", ((Number) row[0]).longValue(), ((Number) row[1]).longValue()),
        new Usage("identity", ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
  }
}
