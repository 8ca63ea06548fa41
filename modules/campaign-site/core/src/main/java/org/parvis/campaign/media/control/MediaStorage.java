package org.parvis.campaign.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.kernel.api.StoredBytes;

/** The room the image library takes in the brand database: every size of every picture. */
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
                        + " (SELECT COALESCE(SUM(OCTET_LENGTH(bytes)), 0) FROM media_variant)")
                .getSingleResult();
    return List.of(
        new Usage("media", ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
  }
}
