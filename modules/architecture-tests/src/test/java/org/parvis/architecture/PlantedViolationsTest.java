package org.parvis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.campaign.planted.CampaignReachesTheNetworkOtherwise;
import org.parvis.campaign.planted.CampaignUsesTheNetwork;
import org.parvis.network.planted.ControlWithoutTransaction;
import org.parvis.network.planted.NetworkPageWithAnEntityManager;
import org.parvis.network.planted.ballots.control.BallotBox;
import org.parvis.network.planted.voters.control.VotersRoll;

/**
 * Proves that each wall rule fails on a planted violation (fixtures in this module's test sources,
 * which {@link ModuleWallsTest} does not import), so that a green wall test means something.
 */
class PlantedViolationsTest {

  private static JavaClasses planted;

  @BeforeAll
  static void importPlantedViolations() {
    planted =
        new ClassFileImporter()
            .importClasses(
                CampaignUsesTheNetwork.class,
                CampaignReachesTheNetworkOtherwise.class,
                NetworkPageWithAnEntityManager.class,
                ControlWithoutTransaction.class,
                BallotBox.class,
                VotersRoll.class);
  }

  @Test
  void campaignSiteInjectingTheNetworkUnitIsCaught() {
    assertViolated(ParvisRules.PERSISTENCE_CONTEXTS_NAME_THEIR_OWN_UNIT, "unit 'network'");
  }

  @Test
  void aPersistenceContextWithoutUnitNameIsCaught() {
    assertViolated(ParvisRules.PERSISTENCE_CONTEXTS_NAME_THEIR_OWN_UNIT, "unit ''");
  }

  @Test
  void campaignSiteLookingUpTheNetworkDatasourceIsCaught() {
    assertViolated(ParvisRules.DATASOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE, "jdbc/network");
  }

  @Test
  void theNetworkDatasourceThroughASetterOrAClassDeclarationIsCaught() {
    assertViolated(
        ParvisRules.RESOURCES_ON_METHODS_AND_CLASSES_ARE_THOSE_OF_THEIR_OWN_SIDE,
        "setNetworkDatabase");
    assertViolated(
        ParvisRules.RESOURCES_ON_METHODS_AND_CLASSES_ARE_THOSE_OF_THEIR_OWN_SIDE, "setNetworkUnit");
    assertViolated(
        ParvisRules.CLASS_LEVEL_RESOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE, "declares 'jdbc/network'");
  }

  @Test
  void aProgrammaticLookUpIsCaught() {
    assertViolated(ParvisRules.NO_PROGRAMMATIC_LOOKUPS, "InitialContext");
    assertViolated(ParvisRules.NO_PROGRAMMATIC_LOOKUPS, "CDI");
  }

  @Test
  void campaignSiteUsingANetworkClassIsCaughtTwice() {
    assertViolated(ParvisRules.BRAND_NEVER_REACHES_THE_NETWORK, "TerritoryDirectory");
    assertViolated(ParvisRules.ONLY_API_CROSSES_MODULES, "TerritoryDirectory");
  }

  @Test
  void anEntityManagerOutsideControlIsCaught() {
    assertViolated(
        ParvisRules.ONLY_CONTROL_CLASSES_TOUCH_AN_ENTITY_MANAGER, "NetworkPageWithAnEntityManager");
  }

  @Test
  void aControlWithAnEntityManagerButNoTransactionIsCaught() {
    assertViolated(
        ParvisRules.CONTROLS_WITH_AN_ENTITY_MANAGER_ARE_TRANSACTIONAL, "ControlWithoutTransaction");
  }

  @Test
  void twoFeaturesControlsCallingEachOtherAreCaught() {
    assertViolated(ParvisRules.NO_CONTROL_CYCLES, "BallotBox");
  }

  private static void assertViolated(ArchRule rule, String detail) {
    var result = rule.evaluate(planted);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(detail));
  }
}
