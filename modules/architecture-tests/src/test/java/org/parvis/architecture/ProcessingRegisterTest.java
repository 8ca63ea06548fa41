package org.parvis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parvis.kernel.api.privacy.ProcessingRegister;

/**
 * The processing register is complete: every column of every table of both databases, as the
 * migrations really leave them (run on in-memory databases, see {@link StoredColumns}), is
 * classified in the register of the module that created it — personal or not, with category,
 * purpose, retention and legal basis — whatever its name; and the register names only columns that
 * exist. Add {@code phone_number} to a table and forget the register: this fails (planted below).
 */
class ProcessingRegisterTest {

  private static final List<ProcessingRegister.Entry> REGISTER =
      ProcessingRegister.all(ProcessingRegisterTest.class.getClassLoader());

  @Test
  void everyColumnOfEveryTableOfBothDatabasesIsClassified() {
    var stored = StoredColumns.all();
    assertThat(unclassified(stored))
        .as("columns that no register classifies (module: table.column)")
        .isEmpty();
    Set<String> existing =
        stored.stream()
            .map(c -> c.module() + ": " + c.key())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> named =
        REGISTER.stream()
            .map(e -> e.module() + ": " + e.table() + "." + e.column())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(named).as("register lines naming no column of their module").isSubsetOf(existing);
    assertThat(REGISTER)
        .allSatisfy(
            e ->
                assertThat(List.of(e.category(), e.purpose(), e.retention(), e.legalBasis()))
                    .as(e.table() + "." + e.column())
                    .noneMatch(String::isBlank));
  }

  @Test
  void personalColumnsAddedWithoutARegisterLineAreCaught() {
    // A migration as the mutation trial wrote it: none of these names looked personal to the old
    // test, which read column names.
    var planted =
        StoredColumns.all(
            List.of(
                "ALTER TABLE member_account ADD COLUMN phone_number VARCHAR(20)",
                "ALTER TABLE member_account ADD COLUMN nickname VARCHAR(40)",
                "ALTER TABLE member_account ADD COLUMN birth_date DATE",
                "ALTER TABLE member_account ADD COLUMN postcode VARCHAR(5)",
                "ALTER TABLE member_account ADD COLUMN gender VARCHAR(10)"));
    assertThat(unclassified(planted))
        .containsExactlyInAnyOrder(
            "social-network: member_account.phone_number",
            "social-network: member_account.nickname",
            "social-network: member_account.birth_date",
            "social-network: member_account.postcode",
            "social-network: member_account.gender");
  }

  @Test
  void whatRecordsAPoliticalOpinionIsSpecialCategoryData() {
    // Signing, joining or following an initiative, and the debate, say what a person thinks of a
    // political proposal (GDPR art. 9): every personal column of those tables says so.
    for (String table :
        List.of(
            "initiative_signature",
            "initiative_participant",
            "member_follow",
            "initiative_comment",
            "initiative")) {
      var lines = REGISTER.stream().filter(e -> e.table().equals(table)).toList();
      assertThat(lines).as(table).isNotEmpty();
      assertThat(lines.stream().filter(ProcessingRegister.Entry::personal))
          .as(table)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.category()).as(e.column()).contains("art. 9"));
    }
  }

  /** "module: table.column" of each stored column that its module's register does not classify. */
  private static Set<String> unclassified(List<StoredColumns.Column> stored) {
    Set<String> classified =
        REGISTER.stream()
            .map(e -> e.module() + ": " + e.table() + "." + e.column())
            .collect(Collectors.toSet());
    return stored.stream()
        .map(c -> c.module() + ": " + c.key())
        .filter(c -> !classified.contains(c))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void moderationsExportCoversEveryTableOfItsRegisterHoldingAMembersData() {
    // The network's own tables are proved by what is stored (PersonalDataProofIT seeds a member in
    // each and looks for every row in the export); moderation's tables by its declared sources.
    var exported =
        new TreeSet<>(org.parvis.moderation.privacy.control.ModerationData.SOURCES.values());
    var theirs =
        REGISTER.stream()
            .filter(e -> e.module().equals("moderation"))
            .filter(ProcessingRegister.Entry::personal)
            .filter(e -> !e.category().startsWith("staff"))
            .map(ProcessingRegister.Entry::table)
            // The staff's append-only log names members by id only, for the DSA's transparency.
            .filter(t -> !t.equals("moderation_log"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exported).as("tables the member's export reads").containsAll(theirs);
  }
}
