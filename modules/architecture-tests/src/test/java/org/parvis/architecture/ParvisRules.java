package org.parvis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The walls between Parvis modules (docs/architecture.md, docs/style.md). A module is the package
 * right under {@code org.parvis}: kernel, campaign (campaign-site), network (social-network),
 * moderation, privacy (data-privacy), console.
 */
final class ParvisRules {

  private ParvisRules() {}

  /** Which persistence units and datasources each module may use; absent means none. */
  static final Map<String, Set<String>> UNITS =
      Map.of(
          "campaign",
          Set.of("brand"),
          "network",
          Set.of("network"),
          "moderation",
          Set.of("moderation"));

  static final Map<String, Set<String>> DATASOURCES =
      Map.of(
          "campaign", Set.of("jdbc/brand"),
          "network", Set.of("jdbc/network"),
          "moderation", Set.of("jdbc/network"));

  static final ArchRule BRAND_NEVER_REACHES_THE_NETWORK =
      noClasses()
          .that()
          .resideInAPackage("org.parvis.campaign..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.parvis.network..", "org.parvis.moderation..")
          .because("the brand site and the citizen network never share data (two databases)");

  static final ArchRule NETWORK_NEVER_REACHES_THE_BRAND =
      noClasses()
          .that()
          .resideInAnyPackage("org.parvis.network..", "org.parvis.moderation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.parvis.campaign..")
          .because("the brand site and the citizen network never share data (two databases)");

  static final ArchRule ONLY_API_CROSSES_MODULES =
      classes()
          .that()
          .resideInAPackage("org.parvis..")
          .should(useOtherModulesOnlyThroughTheirApi())
          .because("only a module's api package is public to other modules (docs/style.md rule 2)");

  static final ArchRule NO_MODULE_CYCLES =
      slices().matching("org.parvis.(*)..").should().beFreeOfCycles();

  /**
   * Within a module, the control packages of its features (initiative, follow, member…) depend on
   * each other in one direction only: a change to one feature's rules cannot loop back into it.
   */
  static final ArchRule NO_CONTROL_CYCLES =
      slices()
          .matching("org.parvis.(**).control..")
          .namingSlices("$1")
          .should()
          .beFreeOfCycles()
          .because("a feature's controls that call each other in a loop cannot be changed alone");

  static final ArchRule ONLY_CONTROL_CLASSES_TOUCH_AN_ENTITY_MANAGER =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.parvis..control..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(EntityManager.class, EntityManagerFactory.class)
          .because("only control classes touch an EntityManager (docs/style.md rule 5)");

  static final ArchRule PERSISTENCE_CONTEXTS_NAME_THEIR_OWN_UNIT =
      fields()
          .that()
          .areAnnotatedWith(PersistenceContext.class)
          .or()
          .areAnnotatedWith(PersistenceUnit.class)
          .should(nameAUnitOfTheirOwnModule())
          .allowEmptyShould(true);

  /**
   * A control class that holds an entity manager runs every public method in a transaction unless
   * the method says otherwise: reads outside one were handed a closed entity manager by Payara, and
   * 137 of 236 such methods ran without one before this rule.
   */
  static final ArchRule CONTROLS_WITH_AN_ENTITY_MANAGER_ARE_TRANSACTIONAL =
      classes()
          .that()
          .containAnyFieldsThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "are a persistence context",
                  (com.tngtech.archunit.core.domain.JavaField f) ->
                      f.isAnnotatedWith(jakarta.persistence.PersistenceContext.class)))
          .should()
          .beAnnotatedWith(jakarta.transaction.Transactional.class)
          .because(
              "a use case is one transaction (docs/style.md rule 7): class-level @Transactional, a method"
                  + " may opt out");

  static final ArchRule DATASOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE =
      fields()
          .that()
          .areAnnotatedWith(Resource.class)
          .and()
          .haveRawType(javax.sql.DataSource.class)
          .should(lookUpADatasourceOfTheirOwnSide())
          .allowEmptyShould(true);

  /**
   * The same wall for a datasource or persistence context injected through a method (a setter) or
   * declared on a class: injection points other than fields were not checked before.
   */
  static final ArchRule RESOURCES_ON_METHODS_AND_CLASSES_ARE_THOSE_OF_THEIR_OWN_SIDE =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits()
          .that()
          .areAnnotatedWith(Resource.class)
          .or()
          .areAnnotatedWith(PersistenceContext.class)
          .or()
          .areAnnotatedWith(PersistenceUnit.class)
          .should(injectOnlyTheirOwnSide())
          .allowEmptyShould(true);

  static final ArchRule CLASS_LEVEL_RESOURCES_ARE_THOSE_OF_THEIR_OWN_SIDE =
      classes()
          .that()
          .areAnnotatedWith(Resource.class)
          .should(declareOnlyTheirOwnDatasource())
          .allowEmptyShould(true);

  /**
   * Nothing looks a resource up by name at run time (JNDI or CDI.current()), where no rule could
   * see which database it reaches; the mail session's one look-up is the only exception.
   */
  static final ArchRule NO_PROGRAMMATIC_LOOKUPS =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.parvis.kernel.api.mail.control.MailTransport")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              javax.naming.InitialContext.class,
              javax.naming.Context.class,
              jakarta.enterprise.inject.spi.CDI.class)
          .because("resources are injected with their name, where the walls can check it");

  static Optional<String> moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith("org.parvis.")) {
      return Optional.empty();
    }
    String rest = name.substring("org.parvis.".length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  private static ArchCondition<JavaClass> useOtherModulesOnlyThroughTheirApi() {
    return new ArchCondition<>("use other modules only through their api package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        var from = moduleOf(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          var target = dependency.getTargetClass();
          var to = moduleOf(target);
          if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
            continue;
          }
          String api = "org.parvis." + to.get() + ".api";
          if (!target.getPackageName().equals(api)
              && !target.getPackageName().startsWith(api + ".")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaField> nameAUnitOfTheirOwnModule() {
    return new ArchCondition<>("name a persistence unit of their own module explicitly") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        String unit =
            field.isAnnotatedWith(PersistenceContext.class)
                ? field.getAnnotationOfType(PersistenceContext.class).unitName()
                : field.getAnnotationOfType(PersistenceUnit.class).unitName();
        String module = moduleOf(field.getOwner()).orElse("?");
        var allowed = UNITS.getOrDefault(module, Set.of());
        if (!allowed.contains(unit)) {
          events.add(
              SimpleConditionEvent.violated(
                  field,
                  "%s uses persistence unit '%s'; module %s may use only %s"
                      .formatted(field.getFullName(), unit, module, allowed)));
        }
      }
    };
  }

  private static ArchCondition<com.tngtech.archunit.core.domain.JavaCodeUnit>
      injectOnlyTheirOwnSide() {
    return new ArchCondition<>("inject only a datasource or unit of their own side") {
      @Override
      public void check(
          com.tngtech.archunit.core.domain.JavaCodeUnit method, ConditionEvents events) {
        String module = moduleOf(method.getOwner()).orElse("?");
        String named;
        java.util.Set<String> allowed;
        if (method.isAnnotatedWith(Resource.class)) {
          var resource = method.getAnnotationOfType(Resource.class);
          named = resource.lookup().isEmpty() ? resource.name() : resource.lookup();
          allowed = DATASOURCES.getOrDefault(module, Set.of());
          if (!named.startsWith("jdbc/")) {
            return;
          }
        } else {
          named =
              method.isAnnotatedWith(PersistenceContext.class)
                  ? method.getAnnotationOfType(PersistenceContext.class).unitName()
                  : method.getAnnotationOfType(PersistenceUnit.class).unitName();
          allowed = UNITS.getOrDefault(module, Set.of());
        }
        if (!allowed.contains(named)) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  "%s injects '%s'; module %s may use only %s"
                      .formatted(method.getFullName(), named, module, allowed)));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> declareOnlyTheirOwnDatasource() {
    return new ArchCondition<>("declare only a datasource of their own side") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        var resource = type.getAnnotationOfType(Resource.class);
        String named = resource.lookup().isEmpty() ? resource.name() : resource.lookup();
        String module = moduleOf(type).orElse("?");
        var allowed = DATASOURCES.getOrDefault(module, Set.of());
        if (named.startsWith("jdbc/") && !allowed.contains(named)) {
          events.add(
              SimpleConditionEvent.violated(
                  type,
                  "%s declares '%s'; module %s may use only %s"
                      .formatted(type.getFullName(), named, module, allowed)));
        }
      }
    };
  }

  private static ArchCondition<JavaField> lookUpADatasourceOfTheirOwnSide() {
    return new ArchCondition<>("look up a datasource of their own side") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        var resource = field.getAnnotationOfType(Resource.class);
        String name = resource.lookup().isEmpty() ? resource.name() : resource.lookup();
        String module = moduleOf(field.getOwner()).orElse("?");
        var allowed = DATASOURCES.getOrDefault(module, Set.of());
        if (!allowed.contains(name)) {
          events.add(
              SimpleConditionEvent.violated(
                  field,
                  "%s looks up datasource '%s'; module %s may use only %s"
                      .formatted(field.getFullName(), name, module, allowed)));
        }
      }
    };
  }
}
