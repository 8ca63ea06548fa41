package org.parvis.network.territory.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A French commune (or a municipal arrondissement of Paris, Lyon, Marseille) from the official
 * reference data. Read-only: the rows come from a migration, never from users.
 */
@Entity
@Cacheable
@Table(name = "territory_commune")
@NamedQuery(
    name = Commune.BY_POSTAL_CODE,
    query =
        "SELECT c FROM Commune c WHERE c.code IN"
            + " (SELECT p.communeCode FROM CommunePostalCode p WHERE p.postalCode = :postalCode)"
            + " ORDER BY c.name")
@NamedQuery(name = Commune.COUNT, query = "SELECT COUNT(c) FROM Commune c")
public class Commune {

  public static final String BY_POSTAL_CODE = "Commune.byPostalCode";
  public static final String COUNT = "Commune.count";

  @Id
  @Column(length = 5)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 30)
  private String kind;

  @Column(name = "departement_code", length = 3)
  private String departementCode;

  @Column(name = "region_code", length = 3)
  private String regionCode;

  @Column(name = "postal_codes", nullable = false, length = 200)
  private String postalCodes;

  private Integer population;

  @Column(name = "parent_code", length = 5)
  private String parentCode;

  protected Commune() {}

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String departementCode() {
    return departementCode;
  }

  public String regionCode() {
    return regionCode;
  }

  public List<String> postalCodes() {
    return postalCodes.isBlank() ? List.of() : Arrays.asList(postalCodes.split(" "));
  }

  public Integer population() {
    return population;
  }

  /** A municipal arrondissement belongs to its commune (Paris, Lyon, Marseille). */
  public boolean isArrondissement() {
    return parentCode != null;
  }
}
