package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.kernel.api.StoredBytes;

/** The room pictures of initiatives and members' archives (ZIP files kept 7 days) take. */
@ApplicationScoped
@Transactional
public class NetworkStorage implements StoredBytes {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Override
  public String side() {
    return "network";
  }

  @Override
  public List<Usage> usage() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT COUNT(*) FROM initiative_image),"
                        + " (SELECT COALESCE(SUM(OCTET_LENGTH(bytes)), 0) FROM initiative_image),"
                        + " (SELECT COUNT(content) FROM member_archive),"
                        + " (SELECT COALESCE(SUM(OCTET_LENGTH(content)), 0) FROM member_archive)")
                .getSingleResult();
    return List.of(
        new Usage("initiativeImages", ((Number) row[0]).longValue(), ((Number) row[1]).longValue()),
        new Usage("archives", ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
  }
}
