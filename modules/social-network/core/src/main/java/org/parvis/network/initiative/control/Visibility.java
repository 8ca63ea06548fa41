package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.PublishedContents;
import org.parvis.network.follow.control.Notifications;

/**
 * The network's side of moderation: it lets moderation read what was published ({@link
 * PublishedContents}) and applies its verdicts (hide pending review, show again), telling the
 * author in their notifications.
 */
@ApplicationScoped
@Transactional
public class Visibility implements PublishedContents {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Notifications notifications;

  java.time.Clock clock = java.time.Clock.systemUTC();

  @Override
  public Optional<Content> content(String kind, long id) {
    String sql =
        switch (kind) {
          case "INITIATIVE" ->
              "SELECT i.id, i.id, i.author_id, i.title || ' ' || i.description, m.created_at, 0"
                  + " FROM initiative i JOIN member_account m ON m.id = i.author_id WHERE i.id = ?";
          case "COMMENT" ->
              "SELECT c.id, c.initiative_id, c.author_id, c.body, m.created_at,"
                  + " (SELECT COUNT(*) FROM initiative_comment o WHERE o.author_id = c.author_id"
                  + " AND o.id <> c.id AND o.body = c.body AND o.created_at > ?)"
                  + " FROM initiative_comment c JOIN member_account m ON m.id = c.author_id"
                  + " WHERE c.id = ?";
          case "ANSWER" ->
              "SELECT a.id, a.initiative_id, a.official_id, a.body, m.created_at, 0"
                  + " FROM official_answer a JOIN member_account m ON m.id = a.official_id"
                  + " WHERE a.id = ?";
          case "PROFILE" ->
              "SELECT m.id, 0, m.id, m.display_name || ' @' || m.handle, m.created_at, 0"
                  + " FROM member_account m WHERE m.id = ?";
          default -> null;
        };
    if (sql == null) {
      return Optional.empty();
    }
    var query = em.createNativeQuery(sql);
    Instant now = clock.instant();
    if ("COMMENT".equals(kind)) {
      query.setParameter(1, now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
      query.setParameter(2, id);
    } else {
      query.setParameter(1, id);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().findFirst().map(r -> content(kind, r, now));
  }

  private static Content content(String kind, Object[] r, Instant now) {
    return new Content(
        kind,
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        SafeHtml.plainText((String) r[3]),
        Duration.between(Rows.instant(r[4]), now),
        ((Number) r[5]).intValue());
  }

  @Override
  public Map<Long, String> texts(String kind, Collection<Long> ids) {
    String sql =
        switch (kind) {
          case "INITIATIVE" -> "SELECT id, title || ' ' || description FROM initiative";
          case "COMMENT" -> "SELECT id, body FROM initiative_comment";
          case "ANSWER" -> "SELECT id, body FROM official_answer";
          case "PROFILE" -> "SELECT id, display_name || ' @' || handle FROM member_account";
          default -> null;
        };
    if (sql == null || ids.isEmpty()) {
      return Map.of();
    }
    var distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
    var query =
        em.createNativeQuery(
            sql
                + " WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(distinct.size(), "?"))
                + ")");
    for (int i = 0; i < distinct.size(); i++) {
      query.setParameter(i + 1, distinct.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    var texts = new java.util.HashMap<Long, String>();
    rows.forEach(r -> texts.put(((Number) r[0]).longValue(), SafeHtml.plainText((String) r[1])));
    return texts;
  }

  @Override
  public Optional<String> handle(long memberId) {
    @SuppressWarnings("unchecked")
    List<String> handles =
        em.createNativeQuery("SELECT handle FROM member_account WHERE id = ?")
            .setParameter(1, memberId)
            .getResultList();
    return handles.stream().findFirst();
  }

  /**
   * Applies moderation's verdict in the caller's transaction and tells the author: an automatic
   * hide pending review, or a moderator's decision with its statement of reasons (a decision that
   * leaves a visible item up is not a restriction and is not sent; an item shown again by a granted
   * appeal is told by the appeal's outcome).
   */
  @Transactional
  void apply(@Observes ContentVerdict verdict) {
    org.parvis.network.pages.control.PublicChanges.changed();
    String table =
        switch (verdict.kind()) {
          case "INITIATIVE" -> "initiative";
          case "COMMENT" -> "initiative_comment";
          case "ANSWER" -> "official_answer";
          case "PROFILE" -> "member_account";
          default -> null;
        };
    if (table == null) {
      return;
    }
    String column = "PROFILE".equals(verdict.kind()) ? "profile_hidden_at" : "hidden_at";
    int changed =
        em.createNativeQuery(
                "UPDATE "
                    + table
                    + " SET "
                    + column
                    + " = CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE id = ? AND "
                    + column
                    + " IS "
                    + (verdict.hidden() ? "NULL" : "NOT NULL"))
            .setParameter(1, verdict.hidden() ? verdict.at().atOffset(ZoneOffset.UTC) : null)
            .setParameter(2, verdict.id())
            .executeUpdate();
    if (changed == 0 && !(verdict.hidden() && verdict.decided())) {
      return;
    }
    if (!verdict.hidden() && !verdict.decided()) {
      // Shown again by a granted appeal: the appeal's outcome tells the author.
      return;
    }
    Notifications.Kind kind;
    if (!verdict.hidden()) {
      kind = Notifications.Kind.RESTORED;
    } else {
      kind = verdict.decided() ? Notifications.Kind.REMOVED : Notifications.Kind.HIDDEN;
    }
    content(verdict.kind(), verdict.id())
        .ifPresent(
            c ->
                notifications.notifyMember(
                    c.authorId(),
                    kind,
                    new Notifications.Subject(c.kind(), c.id(), c.initiativeId()),
                    verdict.statement(),
                    verdict.at()));
  }

  /** Tells a reporter what moderators decided on what they reported. */
  @Transactional
  void told(@Observes org.parvis.network.api.ReportOutcome outcome) {
    notifications.notifyMember(
        outcome.reporterId(),
        outcome.upheld() ? Notifications.Kind.REPORT_UPHELD : Notifications.Kind.REPORT_DISMISSED,
        new Notifications.Subject(outcome.kind(), outcome.id(), outcome.initiativeId()),
        null,
        outcome.at());
  }

  /** Tells the author what the second moderator decided on their appeal. */
  @Transactional
  void answered(@Observes org.parvis.network.api.AppealOutcome outcome) {
    notifications.notifyMember(
        outcome.authorId(),
        outcome.granted() ? Notifications.Kind.APPEAL_GRANTED : Notifications.Kind.APPEAL_REJECTED,
        new Notifications.Subject(outcome.kind(), outcome.id(), outcome.initiativeId()),
        outcome.statement(),
        outcome.at());
  }
}
