package org.parvis.privacy.api;

import java.time.Instant;
import java.util.List;

/**
 * A module's retention rules, for its own database only. data-privacy's batch job runs every
 * provider's categories in order, each in its own transaction, and writes what each did to the
 * provider's journal (so the counts stay on the side the data lives on).
 */
public interface RetentionProvider extends PersonalDataProvider {

  /** The categories, in the order they run (warnings before erasures). */
  List<RetentionCategory> categories();

  /** One of this provider's categories, by name. */
  default RetentionCategory category(String name) {
    return categories().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown retention category " + name));
  }

  /**
   * Deletes or anonymises the data of one category that is past its period as of {@code asOf}, in
   * one transaction on the provider's database.
   *
   * @return how many records were deleted or anonymised
   */
  int apply(String category, Instant asOf);

  /** Writes a run to this side's journal, in its own transaction. */
  void record(RetentionRun run);

  /** The latest runs of this provider's categories, newest first. */
  List<RetentionRun> journal(int limit);
}
