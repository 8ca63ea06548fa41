package org.parvis.kernel.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TablePageTest {

  private static final List<Integer> ROWS = IntStream.range(0, 25).boxed().toList();
  private final List<String> asked = new ArrayList<>();

  private TablePage<Integer> page(String number) {
    return TablePage.of(
        number == null ? Map.of() : Map.of("page", number),
        10,
        (first, size) -> {
          asked.add(first + "+" + size);
          return ROWS.subList(Math.min(first, ROWS.size()), Math.min(first + size, ROWS.size()));
        });
  }

  @Test
  void theFirstPageHoldsItsSizeAndKnowsANextOneFollowsWithoutCounting() {
    var first = page(null);
    assertThat(first.getRows()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(first.isNext()).isTrue();
    assertThat(first.isPrevious()).isFalse();
    assertThat(asked).as("one read of one row more than the page").containsExactly("0+11");
  }

  @Test
  void theLastPageHasNoNext() {
    var last = page("2");
    assertThat(last.getRows()).containsExactly(20, 21, 22, 23, 24);
    assertThat(last.isNext()).isFalse();
    assertThat(last.isPrevious()).isTrue();
    assertThat(last.getNumber()).isEqualTo(2);
  }

  @Test
  void aFullLastPageHasNoNextEither() {
    var pages =
        TablePage.of(
            Map.of("page", "1"),
            10,
            (first, size) -> ROWS.subList(first, Math.min(first + size, 20)));
    assertThat(pages.getRows()).hasSize(10);
    assertThat(pages.isNext()).isFalse();
  }

  @Test
  void anUnreadableOrHostileNumberIsTheFirstPageOrTheLastAllowed() {
    assertThat(page("-3").getNumber()).isZero();
    assertThat(page("abc").getNumber()).isZero();
    assertThat(page("").getNumber()).isZero();
    assertThat(page("99999999999999999999").getNumber()).isZero();
    assertThat(page("999999").getNumber()).isEqualTo(TablePage.LAST_PAGE);
    assertThat(page(" 4 ").getNumber()).isEqualTo(4);
  }

  @Test
  void theSearchIsTrimmedAndBounded() {
    assertThat(TablePage.search(Map.of())).isEmpty();
    assertThat(TablePage.search(Map.of("q", "  eau potable "))).isEqualTo("eau potable");
    assertThat(TablePage.search(Map.of("q", "x".repeat(300)))).hasSize(100);
  }
}
