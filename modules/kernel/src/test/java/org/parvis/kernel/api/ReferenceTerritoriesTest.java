package org.parvis.kernel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTerritoriesTest {

  @Test
  void readsEveryRowOfTheOfficialFiles() {
    assertThat(ReferenceTerritories.regions()).hasSize(26);
    assertThat(ReferenceTerritories.departements()).hasSize(109);
    assertThat(ReferenceTerritories.communes()).hasSize(35_014);
  }

  @Test
  void keepsAccentsQuotesAndPostalCodes() {
    var gueret =
        ReferenceTerritories.communes().stream()
            .filter(c -> c.code().equals("23096"))
            .findFirst()
            .orElseThrow();
    assertThat(gueret.name()).isEqualTo("Guéret");
    assertThat(gueret.departementCode()).isEqualTo("23");
    assertThat(gueret.postalCodes()).containsExactly("23000");
  }

  @Test
  void linksMunicipalArrondissementsToTheirCommune() {
    var paris1 =
        ReferenceTerritories.communes().stream()
            .filter(c -> c.code().equals("75101"))
            .findFirst()
            .orElseThrow();
    assertThat(paris1.type()).isEqualTo("arrondissement-municipal");
    assertThat(paris1.parentCode()).isEqualTo("75056");
  }
}
