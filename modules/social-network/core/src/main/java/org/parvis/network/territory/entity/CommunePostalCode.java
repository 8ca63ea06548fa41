package org.parvis.network.territory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One postal code served by one commune: the index behind a search by postal code. */
@Entity
@Table(name = "territory_postal_code")
@IdClass(CommunePostalCode.Key.class)
public class CommunePostalCode {

  @Id
  @Column(name = "postal_code", length = 5)
  private String postalCode;

  @Id
  @Column(name = "commune_code", length = 5)
  private String communeCode;

  protected CommunePostalCode() {}

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String postalCode;
    private String communeCode;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(postalCode, key.postalCode)
          && Objects.equals(communeCode, key.communeCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(postalCode, communeCode);
    }
  }
}
