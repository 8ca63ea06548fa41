package org.parvis.network.territory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parvis.network.territory.entity.Commune;
import org.parvis.network.territory.entity.Territory;

/** Finds communes of the network's reference territories. */
@ApplicationScoped
@Transactional
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

  /** The levels of territory an initiative or a mandate concerns. */
  public static final List<String> KINDS = List.of("COMMUNE", "DEPARTEMENT", "REGION", "NATIONAL");

  /**
   * The territory of the given kind and code, with the codes of the territories above it; empty
   * when the kind or the code is unknown. A national territory has no code.
   */
  public Optional<Territory> resolve(String kind, String code) {
    String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
    String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (k) {
      case "NATIONAL" -> Optional.of(new Territory("NATIONAL", null, "France", null, null, null));
      case "COMMUNE" ->
          c.matches("[0-9AB]{5}")
              ? byCode(c)
                  .map(m -> new Territory(k, c, m.name(), c, m.departementCode(), m.regionCode()))
              : Optional.empty();
      case "DEPARTEMENT" ->
          c.matches("[0-9AB]{1,3}")
              ? em.createNativeQuery(
                      "SELECT name, region_code FROM territory_departement WHERE code = ?")
                  .setParameter(1, c)
                  .getResultStream()
                  .findFirst()
                  .map(
                      r -> {
                        Object[] row = (Object[]) r;
                        return new Territory(k, c, (String) row[0], null, c, (String) row[1]);
                      })
              : Optional.empty();
      case "REGION" ->
          c.matches("[0-9]{1,3}")
              ? em.createNativeQuery("SELECT name FROM territory_region WHERE code = ?")
                  .setParameter(1, c)
                  .getResultStream()
                  .findFirst()
                  .map(n -> new Territory(k, c, (String) n, null, null, c))
              : Optional.empty();
      default -> Optional.empty();
    };
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
