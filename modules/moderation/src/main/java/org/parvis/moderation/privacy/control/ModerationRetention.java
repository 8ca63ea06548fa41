package org.parvis.moderation.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.RetentionCategory;
import org.parvis.privacy.api.RetentionProvider;
import org.parvis.privacy.api.RetentionRun;
import org.parvis.privacy.api.control.RetentionRows;

/**
 * Moderation's retention periods (five years by default, as its register says): the staff log goes,
 * decisions keep their outcome but lose the moderator's name and statement, sanctions over long ago
 * go (warnings five years after they were given). Bans in force stay whatever their age.
 */
@ApplicationScoped
@Transactional
public class ModerationRetention implements RetentionProvider {

  static final String LOG = "moderation.log";
  static final String DECISIONS = "moderation.decision";
  static final String SANCTIONS = "moderation.sanction";
  static final String JOURNAL = "moderation_retention_run";

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Override
  public DataSide side() {
    return DataSide.NETWORK;
  }

  @Override
  public String module() {
    return "moderation";
  }

  @Override
  public List<RetentionCategory> categories() {
    return List.of(
        RetentionCategory.configured(
            LOG, Period.ofYears(5), "entrée du journal de modération supprimée"),
        RetentionCategory.configured(
            DECISIONS,
            Period.ofYears(5),
            "décision et recours : nom du modérateur et motifs effacés (l’issue reste)"),
        RetentionCategory.configured(
            SANCTIONS, Period.ofYears(5), "sanction terminée ou levée supprimée"));
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int apply(String category, Instant asOf) {
    Instant cutoff = category(category).cutoff(asOf);
    return switch (category) {
      case LOG ->
          RetentionRows.delete(em, "DELETE FROM moderation_log WHERE occurred_at < ?", cutoff);
      case DECISIONS ->
          RetentionRows.delete(
                  em,
                  "UPDATE moderation_item SET decided_by = NULL, statement = NULL"
                      + " WHERE decided_at < ? AND (decided_by IS NOT NULL OR statement IS NOT NULL)",
                  cutoff)
              + RetentionRows.delete(
                  em,
                  "UPDATE moderation_appeal SET decided_by = NULL, statement = NULL"
                      + " WHERE decided_at < ? AND (decided_by IS NOT NULL OR statement IS NOT NULL)",
                  cutoff);
      case SANCTIONS ->
          RetentionRows.delete(
              em,
              "DELETE FROM moderation_sanction WHERE lifted_at < ?"
                  + " OR (lifted_at IS NULL AND ends_at < ?)"
                  + " OR (lifted_at IS NULL AND kind = 'WARN' AND starts_at < ?)",
              cutoff,
              cutoff,
              cutoff);
      default -> throw new IllegalStateException(category);
    };
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void record(RetentionRun run) {
    RetentionRows.insert(em, JOURNAL, run);
  }

  @Override
  @Transactional
  public List<RetentionRun> journal(int limit) {
    return RetentionRows.latest(
        em, JOURNAL, categories().stream().map(RetentionCategory::name).toList(), limit);
  }
}
