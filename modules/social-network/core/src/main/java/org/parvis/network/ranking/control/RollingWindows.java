package org.parvis.network.ranking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The points of the last 7 and 30 days (Paris) kept on each initiative and member, so that "top of
 * the week" and the month's leaderboards read one index instead of summing daily rows. The roll-up
 * adds what comes in; when a new day begins, the day that leaves each window is taken out, once,
 * from the daily rows ({@code ranking_window} holds the last day done, locked while it moves).
 * After a long stop (more than a month), the windows are simply recomputed from the daily rows.
 */
@ApplicationScoped
@Transactional
public class RollingWindows {

  static final int WEEK = 7;
  static final int MONTH = 30;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** Brings the windows to {@code today}, in the caller's transaction; returns the days moved. */
  public int advance(LocalDate today) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery(
                "SELECT through_day FROM ranking_window WHERE name = 'ROLLING' FOR UPDATE")
            .getResultList();
    if (rows.isEmpty()) {
      return 0;
    }
    LocalDate done = day(rows.get(0));
    if (!today.isAfter(done)) {
      return 0;
    }
    long gap = ChronoUnit.DAYS.between(done, today);
    if (gap > MONTH) {
      recompute(today);
    } else {
      for (LocalDate day = done.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
        leave(
            "initiative",
            "initiative_points_daily",
            "initiative_id",
            "points_week",
            day.minusDays(WEEK));
        leave(
            "initiative",
            "initiative_points_daily",
            "initiative_id",
            "points_month",
            day.minusDays(MONTH));
        leave(
            "member_account",
            "member_points_daily",
            "member_id",
            "points_week",
            day.minusDays(WEEK));
        leave(
            "member_account",
            "member_points_daily",
            "member_id",
            "points_month",
            day.minusDays(MONTH));
      }
    }
    em.createNativeQuery("UPDATE ranking_window SET through_day = ? WHERE name = 'ROLLING'")
        .setParameter(1, today)
        .executeUpdate();
    return (int) gap;
  }

  /** Takes the points of one day out of one window (tables and columns are constants). */
  private void leave(String table, String daily, String key, String column, LocalDate day) {
    em.createNativeQuery(
            "UPDATE "
                + table
                + " SET "
                + column
                + " = "
                + column
                + " - (SELECT d.points FROM "
                + daily
                + " d WHERE d."
                + key
                + " = "
                + table
                + ".id AND d.on_day = ?) WHERE id IN (SELECT "
                + key
                + " FROM "
                + daily
                + " WHERE on_day = ?)")
        .setParameter(1, day)
        .setParameter(2, day)
        .executeUpdate();
  }

  private void recompute(LocalDate today) {
    for (String[] side :
        new String[][] {
          {"initiative", "initiative_points_daily", "initiative_id"},
          {"member_account", "member_points_daily", "member_id"}
        }) {
      em.createNativeQuery(
              "UPDATE "
                  + side[0]
                  + " SET points_week = COALESCE((SELECT SUM(d.points) FROM "
                  + side[1]
                  + " d WHERE d."
                  + side[2]
                  + " = "
                  + side[0]
                  + ".id AND d.on_day > ?), 0), points_month = COALESCE((SELECT SUM(d.points) FROM "
                  + side[1]
                  + " d WHERE d."
                  + side[2]
                  + " = "
                  + side[0]
                  + ".id AND d.on_day > ?), 0) WHERE points_week <> 0 OR points_month <> 0")
          .setParameter(1, today.minusDays(WEEK))
          .setParameter(2, today.minusDays(MONTH))
          .executeUpdate();
    }
  }

  private static LocalDate day(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    throw new IllegalStateException("not a date: " + value.getClass());
  }
}
