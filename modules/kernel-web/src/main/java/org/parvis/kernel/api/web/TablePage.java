package org.parvis.kernel.api.web;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One page of a table (the console's lists) read from the address ({@code ?page=n}, from 0): its
 * rows, fetched with one more than the page holds, so that the pager knows whether a next page
 * follows without counting.
 *
 * @param <T> a row
 */
public final class TablePage<T> {

  /** The furthest page an address may ask for. */
  static final int LAST_PAGE = 100_000;

  private final int number;
  private final int size;
  private final BiFunction<Integer, Integer, List<T>> fetch;
  private List<T> fetched;

  private TablePage(int number, int size, BiFunction<Integer, Integer, List<T>> fetch) {
    this.number = number;
    this.size = size;
    this.fetch = fetch;
  }

  /**
   * The page the parameters ask for, of {@code size} rows read by {@code fetch(first, count)} when
   * first shown; a missing, negative or unreadable number is the first page.
   */
  public static <T> TablePage<T> of(
      Map<String, String> parameters, int size, BiFunction<Integer, Integer, List<T>> fetch) {
    return new TablePage<>(number(parameters.get("page")), size, fetch);
  }

  /**
   * The words a table is searched for ({@code ?q=}): trimmed, at most 100 characters, "" for none.
   */
  public static String search(Map<String, String> parameters) {
    String words = parameters.getOrDefault("q", "").strip();
    return words.length() > 100 ? words.substring(0, 100) : words;
  }

  /** The page number a parameter asks for: 0 unless a number between 0 and {@link #LAST_PAGE}. */
  static int number(String asked) {
    if (asked == null || asked.isBlank() || asked.length() > 6) {
      return 0;
    }
    try {
      return Math.max(0, Math.min(Integer.parseInt(asked.strip()), LAST_PAGE));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The rows of the page, at most its size. */
  public List<T> getRows() {
    if (fetched == null) {
      fetched = fetch.apply(number * size, size + 1);
    }
    return fetched.size() > size ? fetched.subList(0, size) : fetched;
  }

  /** Whether another page follows. */
  public boolean isNext() {
    getRows();
    return fetched.size() > size;
  }

  /** Whether a page comes before. */
  public boolean isPrevious() {
    return number > 0;
  }

  /** The page's number, from 0. */
  public int getNumber() {
    return number;
  }
}
