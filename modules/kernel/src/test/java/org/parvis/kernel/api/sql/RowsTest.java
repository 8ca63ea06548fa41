package org.parvis.kernel.api.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowsTest {

  @Test
  void aSearchIsLowerCaseWithinWildcards() {
    assertThat(Rows.containing("  Eau Potable ")).isEqualTo("%eau potable%");
    assertThat(Rows.containing("   ")).isNull();
    assertThat(Rows.containing(null)).isNull();
  }

  @Test
  void likesWildcardsAndEscapeMatchThemselves() {
    assertThat(Rows.containing("jean_dupont")).isEqualTo("%jean\\_dupont%");
    assertThat(Rows.containing("100%")).isEqualTo("%100\\%%");
    assertThat(Rows.containing("a\\b")).isEqualTo("%a\\\\b%");
  }

  @Test
  void aSearchKeepsItsFirstHundredCharactersBeforeEscaping() {
    String pattern = Rows.containing("_".repeat(150));
    assertThat(pattern).isEqualTo("%" + "\\_".repeat(100) + "%");
  }
}
