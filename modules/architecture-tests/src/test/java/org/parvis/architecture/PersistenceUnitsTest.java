package org.parvis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses every persistence.xml of the source tree and checks where each unit points: the brand unit
 * at jdbc/brand, the network-side units at jdbc/network, and nothing else anywhere.
 */
class PersistenceUnitsTest {

  /** module folder → unit → datasource. A new unit must be added here on purpose. */
  private static final Map<String, Map<String, String>> EXPECTED =
      Map.of(
          "modules/campaign-site/core", Map.of("brand", "jdbc/brand"),
          "modules/social-network/core", Map.of("network", "jdbc/network"),
          "modules/moderation", Map.of("moderation", "jdbc/network"));

  /** module folder → the only package its entities may live in. */
  private static final Map<String, String> ENTITY_PACKAGES =
      Map.of(
          "modules/campaign-site/core", "org.parvis.campaign.",
          "modules/social-network/core", "org.parvis.network.",
          "modules/moderation", "org.parvis.moderation.");

  /** Kernel value types without a table of their own, embedded in either side's accounts. */
  private static final java.util.Set<String> SHARED_EMBEDDABLES =
      java.util.Set.of("org.parvis.kernel.api.security.TwoFactor");

  record Unit(
      String module,
      String name,
      String transactionType,
      String jtaDataSource,
      boolean hasNonJtaDataSource,
      List<String> classes,
      boolean excludeUnlisted,
      Map<String, String> properties) {}

  private static List<Unit> units;

  @BeforeAll
  static void parseEveryPersistenceXml() throws Exception {
    Path root = Path.of(System.getProperty("parvis.root", "../..")).toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root.resolve("modules"))) {
      files =
          walk.filter(p -> p.getFileName().toString().equals("persistence.xml"))
              .filter(p -> !p.toString().contains("/target/"))
              .toList();
    }
    units = new ArrayList<>();
    for (Path file : files) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      String module = relative.substring(0, relative.indexOf("/src/"));
      units.addAll(parse(module, file));
    }
  }

  @Test
  void everyUnitIsKnownAndPointsAtTheDatabaseOfItsSide() {
    var found = new java.util.HashMap<String, Map<String, String>>();
    for (Unit unit : units) {
      found
          .computeIfAbsent(unit.module(), m -> new java.util.HashMap<>())
          .put(unit.name(), unit.jtaDataSource());
    }
    assertThat(found).isEqualTo(EXPECTED);
  }

  @Test
  void unitsAreJtaWithoutASecondDatasource() {
    assertThat(units)
        .allSatisfy(
            unit -> {
              assertThat(unit.transactionType()).as(unit.name()).isEqualTo("JTA");
              assertThat(unit.hasNonJtaDataSource()).as(unit.name()).isFalse();
            });
  }

  @Test
  void unitsListTheirEntitiesAndEveryEntityBelongsToTheUnitsModule() {
    assertThat(units)
        .allSatisfy(
            unit -> {
              assertThat(unit.excludeUnlisted()).as(unit.name()).isTrue();
              assertThat(unit.classes())
                  .as(unit.name())
                  .allMatch(
                      c ->
                          c.startsWith(ENTITY_PACKAGES.get(unit.module()))
                              || SHARED_EMBEDDABLES.contains(c));
            });
  }

  @Test
  void flywayOwnsTheSchemaNeverTheOrm() {
    assertThat(units)
        .allSatisfy(
            unit -> {
              assertThat(unit.properties())
                  .as(unit.name())
                  .containsEntry("jakarta.persistence.schema-generation.database.action", "none")
                  .containsEntry("eclipselink.ddl-generation", "none");
            });
  }

  private static List<Unit> parse(String module, Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var document = factory.newDocumentBuilder().parse(file.toFile());
    var list = document.getElementsByTagNameNS("*", "persistence-unit");
    var result = new ArrayList<Unit>();
    for (int i = 0; i < list.getLength(); i++) {
      var unit = (Element) list.item(i);
      var properties = new java.util.HashMap<String, String>();
      var propertyNodes = unit.getElementsByTagNameNS("*", "property");
      for (int j = 0; j < propertyNodes.getLength(); j++) {
        var property = (Element) propertyNodes.item(j);
        properties.put(property.getAttribute("name"), property.getAttribute("value"));
      }
      result.add(
          new Unit(
              module,
              unit.getAttribute("name"),
              unit.getAttribute("transaction-type"),
              text(unit, "jta-data-source").stream().findFirst().orElse(null),
              !text(unit, "non-jta-data-source").isEmpty(),
              text(unit, "class"),
              text(unit, "exclude-unlisted-classes").contains("true"),
              properties));
    }
    return result;
  }

  private static List<String> text(Element parent, String tag) {
    var nodes = parent.getElementsByTagNameNS("*", tag);
    var values = new ArrayList<String>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      values.add(node.getTextContent().strip());
    }
    return values;
  }
}
