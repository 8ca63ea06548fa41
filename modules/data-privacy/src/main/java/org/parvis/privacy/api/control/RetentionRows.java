package org.parvis.privacy.api.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.privacy.api.RetentionRun;

/**
 * What retention providers do alike on their own database, through their own entity manager:
 * deleting what is past a cutoff, and the journal ({@code retention_run}, the same table on each
 * database).
 */
public final class RetentionRows {

  private RetentionRows() {}

  /** Runs a DELETE (or UPDATE) whose parameters are instants, in that order; returns the count. */
  public static int delete(EntityManager em, String sql, Instant... instants) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < instants.length; i++) {
      query.setParameter(i + 1, Rows.utc(instants[i]));
    }
    return query.executeUpdate();
  }

  /** The journal's table on the brand database and on the network's own part of its database. */
  public static final String JOURNAL = "retention_run";

  public static void insert(EntityManager em, RetentionRun run) {
    insert(em, JOURNAL, run);
  }

  /** Into a module's own journal table (of the same shape as {@code retention_run}). */
  public static void insert(EntityManager em, String table, RetentionRun run) {
    em.createNativeQuery(
            "INSERT INTO "
                + table
                + " (execution_id, category, period, as_of, started_at,"
                + " finished_at, affected, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, run.execution())
        .setParameter(2, run.category())
        .setParameter(3, run.period())
        .setParameter(4, Rows.utc(run.asOf()))
        .setParameter(5, Rows.utc(run.startedAt()))
        .setParameter(6, Rows.utc(run.finishedAt()))
        .setParameter(7, run.affected())
        .setParameter(8, run.error() == null ? "" : run.error())
        .executeUpdate();
  }

  /** Newest first; the categories are those given (a module's own, on a shared database). */
  public static List<RetentionRun> latest(EntityManager em, List<String> categories, int limit) {
    return latest(em, JOURNAL, categories, limit);
  }

  /** Newest first, from a module's own journal table. */
  public static List<RetentionRun> latest(
      EntityManager em, String table, List<String> categories, int limit) {
    if (categories.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", categories.stream().map(c -> "?").toList());
    var query =
        em.createNativeQuery(
            "SELECT execution_id, category, period, as_of, started_at, finished_at, affected,"
                + " error FROM "
                + table
                + " WHERE category IN ("
                + marks
                + ") ORDER BY started_at DESC, id DESC"
                + Rows.page(0, limit));
    for (int i = 0; i < categories.size(); i++) {
      query.setParameter(i + 1, categories.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new RetentionRun(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    Rows.instant(r[3]),
                    Rows.instant(r[4]),
                    Rows.instant(r[5]),
                    ((Number) r[6]).intValue(),
                    ((String) r[7]).isEmpty() ? null : (String) r[7]))
        .toList();
  }
}
