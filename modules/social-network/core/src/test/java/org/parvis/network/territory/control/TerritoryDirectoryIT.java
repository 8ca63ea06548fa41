package org.parvis.network.territory.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.network.territory.entity.Commune;
import org.parvis.testing.ModuleDeployment;

/** social-network on Payara Micro: migrations on jdbc/network and the territory directory. */
@ExtendWith(ArquillianExtension.class)
class TerritoryDirectoryIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of("social-network", TerritoryDirectoryIT.class);
  }

  @Inject NetworkDatabase database;
  @Inject TerritoryDirectory territories;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void theNetworkDatabaseIsUpWithEveryCommune() {
    assertThat(database.schema().status().up()).isTrue();
    assertThat(territories.communeCount()).isEqualTo(35_014);
  }

  @Test
  void findsEveryCommuneServedByAPostalCodeInAlphabeticalOrder() {
    var names = territories.byPostalCode("23000").stream().map(Commune::name).toList();
    assertThat(names).contains("Guéret", "Sainte-Feyre").isSorted();
    assertThat(territories.byPostalCode(" 23000 ")).hasSameSizeAs(names);
  }

  @Test
  void aTextThatIsNotAPostalCodeFindsNothingWithoutQuerying() {
    assertThat(territories.byPostalCode("2300")).isEmpty();
    assertThat(territories.byPostalCode("' OR 1=1 --")).isEmpty();
    assertThat(territories.byPostalCode(null)).isEmpty();
  }

  @Test
  void knowsTheMunicipalArrondissements() {
    var paris1 = territories.byCode("75101").orElseThrow();
    assertThat(paris1.isArrondissement()).isTrue();
    assertThat(paris1.postalCodes()).containsExactly("75001");
    assertThat(territories.byCode("75056").orElseThrow().isArrondissement()).isFalse();
    assertThat(territories.byCode("99999")).isEmpty();
  }
}
