package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.kernel.api.StoredBytes;

/** The room members' archives (ZIP files kept 7 days) take in the network database. */
@ApplicationScoped
@Transactional
public class ArchiveStorage implements StoredBytes {

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
                    "SELECT COUNT(content), COALESCE(SUM(OCTET_LENGTH(content)), 0)"
                        + " FROM member_archive")
                .getSingleResult();
    return List.of(
        new Usage("archives", ((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
  }
}
