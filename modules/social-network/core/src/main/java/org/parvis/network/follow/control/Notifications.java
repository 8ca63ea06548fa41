package org.parvis.network.follow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.member.control.MemberMail;
import org.parvis.network.member.entity.MemberAccount;

/**
 * In-app notifications to the followers of an initiative (a comment, an official's answer, a
 * counter-initiative, a milestone of its signature goal), and the emails that carry them at the
 * frequency each member chose: at once, a daily or weekly digest, or never.
 */
@ApplicationScoped
public class Notifications {

  public static final int PAGE_SIZE = 30;
  static final int MAILS_PER_RUN = 200;
  static final int LINES_PER_MAIL = 20;

  /** What happened. */
  public enum Kind {
    COMMENT,
    ANSWER,
    COUNTER,
    MILESTONE_25,
    MILESTONE_50,
    MILESTONE_75,
    MILESTONE_100,
    /** Moderation hid one of the member's items pending review. */
    HIDDEN,
    /** Moderation showed it again. */
    RESTORED,
    /** A moderator upheld the member's report. */
    REPORT_UPHELD,
    /** A moderator kept the reported item up. */
    REPORT_DISMISSED,
    /** A second moderator granted the member's appeal: the item is visible again. */
    APPEAL_GRANTED,
    /** A second moderator rejected it. */
    APPEAL_REJECTED
  }

  /** How often a member wants notification emails. */
  public enum Frequency {
    IMMEDIATE(Duration.ZERO),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7)),
    NONE(null);

    final Duration period;

    Frequency(Duration period) {
      this.period = period;
    }
  }

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject MemberMail mail;

  Clock clock = Clock.systemUTC();

  /**
   * Notifies every follower of the initiative but the one who acted ({@code actor} may be null):
   * one statement whatever the number of followers, in the caller's transaction.
   */
  public void notifyFollowers(long initiativeId, Kind kind, Long actor, Instant now) {
    em.createNativeQuery(
            "INSERT INTO member_notification (member_id, kind, initiative_id, created_at)"
                + " SELECT f.member_id, ?, ?, ? FROM member_follow f"
                + " WHERE f.target_kind = 'INITIATIVE' AND f.target_key = ? AND f.member_id <> ?")
        .setParameter(1, kind.name())
        .setParameter(2, initiativeId)
        .setParameter(3, now.atOffset(ZoneOffset.UTC))
        .setParameter(4, Long.toString(initiativeId))
        .setParameter(5, actor == null ? -1L : actor)
        .executeUpdate();
  }

  /** Notifies one member (moderation's verdict on their item), in the caller's transaction. */
  public void notifyMember(long memberId, long initiativeId, Kind kind, Instant now) {
    em.createNativeQuery(
            "INSERT INTO member_notification (member_id, kind, initiative_id, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, memberId)
        .setParameter(2, kind.name())
        .setParameter(3, initiativeId)
        .setParameter(4, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /** A notification as the member sees it. */
  public record Entry(
      long id, String kind, long initiativeId, String initiativeTitle, Instant at, boolean read) {}

  /** The member's notifications, newest first. */
  public List<Entry> list(String handle, int pageNumber) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT n.id, n.kind, n.initiative_id, i.title, n.created_at, n.read_at"
                    + " FROM member_notification n JOIN member_account m ON m.id = n.member_id"
                    + " JOIN initiative i ON i.id = n.initiative_id WHERE m.handle = ?"
                    + " ORDER BY n.created_at DESC, n.id DESC")
            .setParameter(1, MemberAccount.normalizeHandle(handle))
            .setFirstResult(Math.max(0, pageNumber) * PAGE_SIZE)
            .setMaxResults(PAGE_SIZE)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Entry(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    Initiatives.instant(r[4]),
                    r[5] != null))
        .toList();
  }

  public long unread(String handle) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM member_notification n JOIN member_account m"
                        + " ON m.id = n.member_id WHERE m.handle = ? AND n.read_at IS NULL")
                .setParameter(1, MemberAccount.normalizeHandle(handle))
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public void markAllRead(String handle) {
    em.createNativeQuery(
            "UPDATE member_notification SET read_at = ? WHERE read_at IS NULL AND member_id ="
                + " (SELECT id FROM member_account WHERE handle = ?)")
        .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
        .setParameter(2, MemberAccount.normalizeHandle(handle))
        .executeUpdate();
  }

  public Frequency frequency(String handle) {
    @SuppressWarnings("unchecked")
    List<String> values =
        em.createNativeQuery("SELECT notification_frequency FROM member_account WHERE handle = ?")
            .setParameter(1, MemberAccount.normalizeHandle(handle))
            .getResultList();
    return values.stream().findFirst().map(Frequency::valueOf).orElse(Frequency.DAILY);
  }

  @Transactional
  public Optional<String> setFrequency(String handle, String frequency) {
    Frequency f;
    try {
      f = Frequency.valueOf(String.valueOf(frequency).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.of("notifications.frequency.invalid");
    }
    em.createNativeQuery("UPDATE member_account SET notification_frequency = ? WHERE handle = ?")
        .setParameter(1, f.name())
        .setParameter(2, MemberAccount.normalizeHandle(handle))
        .executeUpdate();
    return Optional.empty();
  }

  /**
   * Mails the notifications that are due: each member with unmailed notifications gets one email
   * listing them when their chosen period has passed since their last one (at once for IMMEDIATE);
   * members who want none have theirs marked as handled. Returns how many emails were queued.
   */
  @Transactional
  public int mailDue() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> members =
        em.createNativeQuery(
                "SELECT m.id, m.notification_frequency, m.last_digest_at FROM member_account m"
                    + " WHERE m.id IN (SELECT n.member_id FROM member_notification n"
                    + " WHERE n.mailed_at IS NULL) ORDER BY m.id")
            .setMaxResults(MAILS_PER_RUN * 5)
            .getResultList();
    int mails = 0;
    for (Object[] row : members) {
      long memberId = ((Number) row[0]).longValue();
      var frequency = Frequency.valueOf((String) row[1]);
      Instant last = Initiatives.instant(row[2]);
      if (frequency == Frequency.NONE) {
        markMailed(memberId, now);
        continue;
      }
      if (last != null && last.plus(frequency.period).isAfter(now)) {
        continue;
      }
      digest(memberId, now);
      mails++;
      if (mails == MAILS_PER_RUN) {
        break;
      }
    }
    return mails;
  }

  private void digest(long memberId, Instant now) {
    var member = em.find(MemberAccount.class, memberId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT n.kind, i.title, i.id FROM member_notification n JOIN initiative i"
                    + " ON i.id = n.initiative_id WHERE n.member_id = ? AND n.mailed_at IS NULL"
                    + " ORDER BY n.created_at, n.id")
            .setParameter(1, memberId)
            .setMaxResults(LINES_PER_MAIL + 1)
            .getResultList();
    var bundle = MemberMail.bundle(member.language());
    var lines = new ArrayList<String>();
    for (Object[] r : rows.subList(0, Math.min(rows.size(), LINES_PER_MAIL))) {
      String text =
          new MessageFormat(bundle.getString("notification." + r[0]), member.language())
              .format(new Object[] {r[1]});
      lines.add("• " + text + "\n  " + mail.link("/initiatives/voir.xhtml?id=" + r[2]));
    }
    if (rows.size() > LINES_PER_MAIL) {
      lines.add("…");
    }
    mail.send(
        member.email(),
        member.language(),
        "notifications",
        now,
        member.displayName(),
        String.join("\n", lines),
        mail.link("/compte/notifications.xhtml"),
        mail.link("/compte/"));
    markMailed(memberId, now);
    em.createNativeQuery("UPDATE member_account SET last_digest_at = ? WHERE id = ?")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, memberId)
        .executeUpdate();
  }

  private void markMailed(long memberId, Instant now) {
    em.createNativeQuery(
            "UPDATE member_notification SET mailed_at = ? WHERE member_id = ?"
                + " AND mailed_at IS NULL")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, memberId)
        .executeUpdate();
  }
}
