package org.parvis.moderation.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.moderation.log.control.ModerationLog;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.ReportDesk;
import org.parvis.network.api.ReportOutcome;

/**
 * Members' reports, weighted by the reporter's track record so that a brigade of new accounts
 * cannot hide an opponent's initiative: a report weighs {@code (upheld + 1) / (upheld + dismissed +
 * 2)} — 0.5 for a member never judged, near 1 for one whose reports moderators keep upholding, near
 * 0 for one whose reports they keep dismissing — times 0.2 when the account is under 7 days old.
 * When the weights of the open reports on an item reach {@code
 * parvis.moderation.report-hide-weight} (2.0: four members never judged, three with a good record,
 * twenty brand-new accounts), the item is hidden pending review; below, it waits in the queue. One
 * report per member and item, at most {@link #PER_HOUR} an hour.
 */
@ApplicationScoped
@Transactional
public class Reports implements ReportDesk {

  public static final int PER_HOUR = 10;
  static final int DETAILS_MAX = 1_000;
  static final String ACTOR = "reports";

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Inject ModerationLog log;
  @Inject Event<ContentVerdict> verdicts;
  @Inject Event<ReportOutcome> outcomes;

  @Inject
  @ConfigProperty(name = "parvis.moderation.report-hide-weight", defaultValue = "2.0")
  double hideWeight;

  Clock clock = Clock.systemUTC();

  /** The weight of a report from a reporter with this record and account age. */
  public static double weight(int upheld, int dismissed, Duration accountAge) {
    double record = (upheld + 1.0) / (upheld + dismissed + 2.0);
    return accountAge.compareTo(Duration.ofDays(7)) < 0 ? record * 0.2 : record;
  }

  @Override
  @Transactional
  public Optional<String> report(
      String kind,
      long id,
      long initiativeId,
      long authorId,
      long reporterId,
      Duration reporterAccountAge,
      Reason reason,
      String text) {
    if (reason == null || !List.of("INITIATIVE", "COMMENT", "ANSWER", "PROFILE").contains(kind)) {
      return Optional.of("report.invalid");
    }
    String details = text == null ? null : text.strip();
    if (details != null && details.length() > DETAILS_MAX) {
      return Optional.of("report.details.too-long");
    }
    if (reporterId == authorId) {
      return Optional.of("report.own");
    }
    Instant now = clock.instant();
    long lastHour =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM moderation_report WHERE reporter_id = ?"
                            + " AND reported_at > ?")
                    .setParameter(1, reporterId)
                    .setParameter(2, now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                    .getSingleResult())
            .longValue();
    if (lastHour >= PER_HOUR) {
      return Optional.of("report.too-many");
    }
    int[] record = record(reporterId);
    double weight = weight(record[0], record[1], reporterAccountAge);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO moderation_report (kind, item_id, reporter_id, reason, details,"
                    + " weight, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, kind)
            .setParameter(2, id)
            .setParameter(3, reporterId)
            .setParameter(4, reason.name())
            .setParameter(5, details == null || details.isEmpty() ? null : details)
            .setParameter(6, weight)
            .setParameter(7, now.atOffset(ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 0) {
      return Optional.of("report.already");
    }
    Object[] open =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(weight), 0), COUNT(*) FROM moderation_report"
                        + " WHERE kind = ? AND item_id = ? AND outcome IS NULL")
                .setParameter(1, kind)
                .setParameter(2, id)
                .getSingleResult();
    double total = ((Number) open[0]).doubleValue();
    long count = ((Number) open[1]).longValue();
    String reasons =
        String.format(Locale.ROOT, "REPORTS:%d (weight %.2f of %.2f)", count, total, hideWeight);
    double score = Math.min(0.99, 0.5 + 0.45 * Math.min(1, total / hideWeight));
    @SuppressWarnings("unchecked")
    List<Object> status =
        em.createNativeQuery(
                "SELECT status FROM moderation_item WHERE kind = ? AND item_id = ? FOR UPDATE")
            .setParameter(1, kind)
            .setParameter(2, id)
            .getResultList();
    boolean hide = total >= hideWeight;
    if (status.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO moderation_item (kind, item_id, initiative_id, author_id, score,"
                  + " reasons, status, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, kind)
          .setParameter(2, id)
          .setParameter(3, initiativeId)
          .setParameter(4, authorId)
          .setParameter(5, score)
          .setParameter(6, reasons)
          .setParameter(7, hide ? "HIDDEN" : "QUEUED")
          .setParameter(8, now.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    } else if (List.of("QUEUED", "HIDDEN").contains((String) status.get(0))) {
      boolean wasHidden = "HIDDEN".equals(status.get(0));
      em.createNativeQuery(
              "UPDATE moderation_item SET score = CASE WHEN score > ? THEN score ELSE ? END,"
                  + " status = ? WHERE kind = ? AND item_id = ?")
          .setParameter(1, score)
          .setParameter(2, score)
          .setParameter(3, hide || wasHidden ? "HIDDEN" : "QUEUED")
          .setParameter(4, kind)
          .setParameter(5, id)
          .executeUpdate();
      hide = hide && !wasHidden;
    } else {
      // Already decided by a moderator: the report is kept for the record, no automatic hiding.
      return Optional.empty();
    }
    if (hide) {
      log.record(ACTOR, "AUTO_HIDE", kind, Long.toString(id), reasons);
      verdicts.fire(new ContentVerdict(kind, id, true, null, now));
    }
    return Optional.empty();
  }

  /**
   * A moderator decided on the item: its open reports are upheld (it was hidden) or dismissed,
   * their reporters' records move and each reporter is told. In the caller's transaction.
   */
  public void decided(String kind, long id, long initiativeId, boolean upheld) {
    @SuppressWarnings("unchecked")
    List<Number> reporters =
        em.createNativeQuery(
                "SELECT reporter_id FROM moderation_report WHERE kind = ? AND item_id = ?"
                    + " AND outcome IS NULL")
            .setParameter(1, kind)
            .setParameter(2, id)
            .getResultList();
    em.createNativeQuery(
            "UPDATE moderation_report SET outcome = ? WHERE kind = ? AND item_id = ?"
                + " AND outcome IS NULL")
        .setParameter(1, upheld ? "UPHELD" : "DISMISSED")
        .setParameter(2, kind)
        .setParameter(3, id)
        .executeUpdate();
    Instant now = clock.instant();
    for (Number reporter : reporters) {
      em.createNativeQuery(
              "MERGE INTO moderation_reporter r USING (SELECT CAST(? AS BIGINT) AS reporter_id) v"
                  + " ON (r.reporter_id = v.reporter_id)"
                  + " WHEN MATCHED THEN UPDATE SET upheld = r.upheld + ?, dismissed = r.dismissed + ?"
                  + " WHEN NOT MATCHED THEN INSERT (reporter_id, upheld, dismissed)"
                  + " VALUES (v.reporter_id, ?, ?)")
          .setParameter(1, reporter.longValue())
          .setParameter(2, upheld ? 1 : 0)
          .setParameter(3, upheld ? 0 : 1)
          .setParameter(4, upheld ? 1 : 0)
          .setParameter(5, upheld ? 0 : 1)
          .executeUpdate();
      outcomes.fire(new ReportOutcome(reporter.longValue(), kind, id, initiativeId, upheld, now));
    }
  }

  /** {upheld, dismissed} of a reporter. */
  private int[] record(long reporterId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT upheld, dismissed FROM moderation_reporter WHERE reporter_id = ?")
            .setParameter(1, reporterId)
            .getResultList();
    return rows.isEmpty()
        ? new int[] {0, 0}
        : new int[] {((Number) rows.get(0)[0]).intValue(), ((Number) rows.get(0)[1]).intValue()};
  }
}
