package org.parvis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.privacy.ProcessingRegister;

/**
 * The processing register is complete: every column the migrations of a module declare that may
 * hold personal data (by its name) is classified in that module's register, and the register names
 * only columns that exist. Add a column such as {@code nickname} or {@code phone_number}... and
 * forget the register: this fails.
 */
class ProcessingRegisterTest {

  private static final Pattern TABLE =
      Pattern.compile("CREATE TABLE (\\w+)\\s*\\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("^\\s+(\\w+)\\s+[A-Z]");
  private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+)");
  private static final Set<String> NOT_COLUMNS =
      Set.of("PRIMARY", "CONSTRAINT", "UNIQUE", "FOREIGN", "CHECK");

  @Test
  void everyColumnThatMayHoldPersonalDataIsClassified() throws IOException {
    Path root = Path.of(System.getProperty("parvis.root", "../..")).toAbsolutePath().normalize();
    var modules =
        List.of(
            new Module(
                "campaign-site",
                root.resolve(
                    "modules/campaign-site/core/src/main/resources/org/parvis/campaign/db")),
            new Module(
                "social-network",
                root.resolve(
                    "modules/social-network/core/src/main/resources/org/parvis/network/db")),
            new Module(
                "moderation",
                root.resolve("modules/moderation/src/main/resources/org/parvis/moderation/db")));
    var register = ProcessingRegister.all(getClass().getClassLoader());
    for (var module : modules) {
      Set<String> declared = columns(module.folder().resolve("migration"));
      Set<String> personal =
          declared.stream()
              .filter(c -> ProcessingRegister.looksPersonal(c.substring(c.indexOf('.') + 1)))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> classified =
          register.stream()
              .filter(e -> e.module().equals(module.name()))
              .map(e -> e.table() + "." + e.column())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(personal)
          .as(module.name() + ": columns that may hold personal data, unclassified")
          .isSubsetOf(classified);
      assertThat(classified)
          .as(module.name() + ": register lines naming no column")
          .isSubsetOf(declared);
    }
    assertThat(register).allSatisfy(e -> assertThat(e.legalBasis()).isNotBlank());
  }

  @Test
  void aMembersExportCoversEveryTableOfTheRegisterHoldingTheirData() {
    var exported = new TreeSet<>(org.parvis.network.privacy.control.MemberExport.SOURCES.values());
    exported.addAll(org.parvis.moderation.privacy.control.ModerationData.SOURCES.values());
    // Not the member's own data: hashed throttles, single-use links, staff reviews, the staff log,
    // digests of erased members' handles (tied to no account).
    var notTheirs =
        Set.of(
            "sign_in_throttle",
            "member_email_token",
            "account_freeze",
            "moderation_log",
            "retired_handle");
    var theirs =
        ProcessingRegister.all(getClass().getClassLoader()).stream()
            .filter(e -> !e.module().equals("campaign-site"))
            .filter(ProcessingRegister.Entry::personal)
            .filter(e -> !e.category().startsWith("staff"))
            .map(ProcessingRegister.Entry::table)
            .filter(t -> !notTheirs.contains(t))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exported).as("tables the member's export reads").containsAll(theirs);
  }

  @Test
  void theRuleCatchesTypicalPersonalColumnsAndLeavesIdsAndTimesAlone() {
    assertThat(ProcessingRegister.looksPersonal("email")).isTrue();
    assertThat(ProcessingRegister.looksPersonal("remote_address")).isTrue();
    assertThat(ProcessingRegister.looksPersonal("display_name")).isTrue();
    assertThat(ProcessingRegister.looksPersonal("author_id")).isFalse();
    assertThat(ProcessingRegister.looksPersonal("email_confirmed_at")).isFalse();
    assertThat(ProcessingRegister.looksPersonal("signature_count")).isFalse();
  }

  private record Module(String name, Path folder) {}

  private static Set<String> columns(Path migrations) throws IOException {
    var found = new TreeSet<String>();
    List<Path> files = new ArrayList<>();
    try (var list = Files.list(migrations)) {
      list.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
    }
    for (Path file : files) {
      String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
      var tables = TABLE.matcher(sql);
      while (tables.find()) {
        for (String line : tables.group(2).split("\\n")) {
          var column = COLUMN.matcher(line);
          if (column.find() && !NOT_COLUMNS.contains(column.group(1).toUpperCase())) {
            found.add(tables.group(1) + "." + column.group(1));
          }
        }
      }
      var added = ADDED.matcher(sql);
      while (added.find()) {
        found.add(added.group(1) + "." + added.group(2));
      }
    }
    return found;
  }
}
