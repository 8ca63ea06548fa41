package org.parvis.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls, checked on the compiled classes of every module (pages included). */
@AnalyzeClasses(packages = "org.parvis", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleWallsTest {

  @ArchTest
  static final ArchRule brandNeverReachesTheNetwork = ParvisRules.BRAND_NEVER_REACHES_THE_NETWORK;

  @ArchTest
  static final ArchRule networkNeverReachesTheBrand = ParvisRules.NETWORK_NEVER_REACHES_THE_BRAND;

  @ArchTest static final ArchRule onlyApiCrossesModules = ParvisRules.ONLY_API_CROSSES_MODULES;

  @ArchTest static final ArchRule noModuleCycles = ParvisRules.NO_MODULE_CYCLES;

  @ArchTest static final ArchRule noControlCycles = ParvisRules.NO_CONTROL_CYCLES;

  @ArchTest
  static final ArchRule onlyControlClassesTouchAnEntityManager =
      ParvisRules.ONLY_CONTROL_CLASSES_TOUCH_AN_ENTITY_MANAGER;

  @ArchTest
  static final ArchRule persistenceContextsNameTheirOwnUnit =
      ParvisRules.PERSISTENCE_CONTEXTS_NAME_THEIR_OWN_UNIT;

  @ArchTest
  static final ArchRule datasourcesAreThoseOfTheirOwnSide =
      ParvisRules.DATASOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE;

  @ArchTest
  static final ArchRule resourcesOnMethodsAndClassesAreThoseOfTheirOwnSide =
      ParvisRules.RESOURCES_ON_METHODS_AND_CLASSES_ARE_THOSE_OF_THEIR_OWN_SIDE;

  @ArchTest
  static final ArchRule classLevelResourcesAreThoseOfTheirOwnSide =
      ParvisRules.CLASS_LEVEL_RESOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE;

  @ArchTest static final ArchRule noProgrammaticLookups = ParvisRules.NO_PROGRAMMATIC_LOOKUPS;

  @ArchTest
  static final ArchRule controlsWithAnEntityManagerAreTransactional =
      ParvisRules.CONTROLS_WITH_AN_ENTITY_MANAGER_ARE_TRANSACTIONAL;
}
