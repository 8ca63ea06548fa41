package org.parvis.network.territory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parvis.network.territory.entity.Commune;

/** Finds communes of the network's reference territories. */
@ApplicationScoped
public class TerritoryDirectory {

  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** Communes served by a postal code; empty when the text is not a French postal code. */
  public List<Commune> byPostalCode(String postalCode) {
    if (postalCode == null || !POSTAL_CODE.matcher(postalCode.strip()).matches()) {
      return List.of();
    }
    return em.createNamedQuery(Commune.BY_POSTAL_CODE, Commune.class)
        .setParameter("postalCode", postalCode.strip())
        .getResultList();
  }

  public Optional<Commune> byCode(String inseeCode) {
    return Optional.ofNullable(em.find(Commune.class, inseeCode));
  }

  /** Counted once: the communes come from a migration and never change while Parvis runs. */
  private volatile Long communeCount;

  /** The number of communes, shown on the network's home page at every visit. */
  public long communeCount() {
    Long count = communeCount;
    if (count == null) {
      count = em.createNamedQuery(Commune.COUNT, Long.class).getSingleResult();
      communeCount = count;
    }
    return count;
  }
}
