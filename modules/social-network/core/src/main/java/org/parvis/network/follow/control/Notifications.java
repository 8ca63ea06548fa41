package org.parvis.network.follow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.api.MemberSanction;
import org.parvis.network.member.control.MemberMail;
import org.parvis.network.member.entity.MemberAccount;

/**
 * In-app notifications to the followers of an initiative (a comment, an official's answer, a
 * counter-initiative, a milestone of its signature goal), and the emails that carry them at the
 * frequency each member chose: at once, a daily or weekly digest, or never.
 */
@ApplicationScoped
@Transactional
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
    /** Screening or reports hid one of the member's items (or profile) pending review. */
    HIDDEN,
    /** A moderator removed it, with a statement of reasons. */
    REMOVED,
    /** A moderator showed it again, with a statement of reasons. */
    RESTORED,
    /** A moderator upheld the member's report. */
    REPORT_UPHELD,
    /** A moderator kept the reported item up. */
    REPORT_DISMISSED,
    /** A second moderator granted the member's appeal: the item is visible again. */
    APPEAL_GRANTED,
    /** A second moderator rejected it. */
    APPEAL_REJECTED,
    /** A moderator warned the member. */
    WARNED,
    /** A moderator suspended the member's account for a time. */
    SUSPENDED,
    /** A moderator banned the member. */
    BANNED,
    /** A moderator lifted a suspension or a ban early. */
    SANCTION_LIFTED;

    /**
     * Moderation's notices to the member about their own items or account: mailed at the next run
     * whatever the frequency the member chose, since they carry a statement of reasons the member
     * must receive.
     */
    public boolean isNotice() {
      return NOTICES.contains(this);
    }

    static String noticeList() {
      return NOTICES.stream()
          .map(k -> "'" + k.name() + "'")
          .collect(java.util.stream.Collectors.joining(", "));
    }
  }

  /** Moderation's notices to a member, named one by one (see {@link Kind#isNotice()}). */
  static final java.util.Set<Kind> NOTICES =
      java.util.EnumSet.of(
          Kind.HIDDEN,
          Kind.REMOVED,
          Kind.RESTORED,
          Kind.APPEAL_GRANTED,
          Kind.APPEAL_REJECTED,
          Kind.WARNED,
          Kind.SUSPENDED,
          Kind.BANNED,
          Kind.SANCTION_LIFTED);

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
  @Inject org.parvis.network.privacy.control.Consents consents;

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

  /**
   * What a notice is about: an item ({@code kind} INITIATIVE, COMMENT, ANSWER or PROFILE) in an
   * initiative (0 for none: a profile), or nothing but the account (kind null).
   */
  public record Subject(String kind, long id, long initiativeId) {

    public static final Subject ACCOUNT = new Subject(null, 0, 0);
  }

  /**
   * Tells a member of a moderator's sanction on their account (a warning, a suspension, a ban) or
   * of its end, in the moderation transaction.
   */
  @Transactional
  void sanctioned(@Observes MemberSanction sanction) {
    if (em.find(MemberAccount.class, sanction.memberId()) == null) {
      return;
    }
    Kind notice =
        sanction.lifted()
            ? Kind.SANCTION_LIFTED
            : switch (sanction.kind()) {
              case "SUSPEND" -> Kind.SUSPENDED;
              case "BAN" -> Kind.BANNED;
              default -> Kind.WARNED;
            };
    notifyMember(sanction.memberId(), notice, Subject.ACCOUNT, sanction.statement(), sanction.at());
  }

  /**
   * Notifies one member (moderation's decision on their item or account, with the statement of
   * reasons when a moderator decided), in the caller's transaction.
   */
  public void notifyMember(
      long memberId, Kind kind, Subject subject, String statement, Instant now) {
    em.createNativeQuery(
            "INSERT INTO member_notification (member_id, kind, initiative_id, item_kind, item_id,"
                + " statement, created_at)"
                // Typed nulls: PostgreSQL does not guess the type of a null parameter.
                + " VALUES (?, ?, CAST(? AS BIGINT), ?, CAST(? AS BIGINT), ?, ?)")
        .setParameter(1, memberId)
        .setParameter(2, kind.name())
        .setParameter(3, subject.initiativeId() > 0 ? subject.initiativeId() : null)
        .setParameter(4, subject.kind())
        .setParameter(5, subject.kind() == null ? null : subject.id())
        .setParameter(6, statement)
        .setParameter(7, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * A notification as the member sees it; {@code initiativeId} 0 and {@code initiativeTitle} null
   * when it is about their profile or account.
   */
  public record Entry(
      long id,
      String kind,
      long initiativeId,
      String initiativeTitle,
      String itemKind,
      long itemId,
      String statement,
      Instant at,
      boolean read) {

    /** The bundle key of its text: notices about a profile or the account read differently. */
    public String messageKey() {
      return "notification." + kind + ("PROFILE".equals(itemKind) ? ".PROFILE" : "");
    }

    /** Whether the member can appeal from it (an item a moderator removed). */
    public boolean appealable() {
      return "REMOVED".equals(kind) && itemKind != null;
    }
  }

  /** The member's notifications, newest first. */
  public List<Entry> list(String handle, int pageNumber) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT n.id, n.kind, n.initiative_id, i.title, n.created_at, n.read_at,"
                    + " n.item_kind, n.item_id, n.statement"
                    + " FROM member_notification n JOIN member_account m ON m.id = n.member_id"
                    + " LEFT JOIN initiative i ON i.id = n.initiative_id WHERE m.handle = ?"
                    + " ORDER BY n.created_at DESC, n.id DESC"
                    + Rows.page(Math.max(0, pageNumber) * PAGE_SIZE, PAGE_SIZE))
            .setParameter(1, MemberAccount.normalizeHandle(handle))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Entry(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    r[2] == null ? 0 : ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[6],
                    r[7] == null ? 0 : ((Number) r[7]).longValue(),
                    (String) r[8],
                    Rows.instant(r[4]),
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
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery("SELECT id FROM member_account WHERE handle = ?")
            .setParameter(1, MemberAccount.normalizeHandle(handle))
            .getResultList();
    ids.forEach(
        id ->
            consents.record(
                id.longValue(),
                org.parvis.network.privacy.control.Consents.EMAIL_NOTIFICATIONS,
                f != Frequency.NONE,
                clock.instant()));
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
                "SELECT m.id, m.notification_frequency, m.last_digest_at,"
                    + " (SELECT COUNT(*) FROM member_notification n WHERE n.member_id = m.id"
                    + " AND n.mailed_at IS NULL AND n.kind IN ("
                    + Kind.noticeList()
                    + ")) FROM member_account m"
                    + " WHERE m.id IN (SELECT n.member_id FROM member_notification n"
                    + " WHERE n.mailed_at IS NULL) ORDER BY m.id"
                    + Rows.page(0, MAILS_PER_RUN * 5))
            .getResultList();
    int mails = 0;
    for (Object[] row : members) {
      long memberId = ((Number) row[0]).longValue();
      var frequency = Frequency.valueOf((String) row[1]);
      Instant last = Rows.instant(row[2]);
      boolean notices = ((Number) row[3]).longValue() > 0;
      if (frequency == Frequency.NONE && !notices) {
        markMailed(memberId, now);
        continue;
      }
      if (!notices && last != null && last.plus(frequency.period).isAfter(now)) {
        continue;
      }
      if (!digest(memberId, last, now)) {
        continue; // another server took this member's digest
      }
      mails++;
      if (mails == MAILS_PER_RUN) {
        break;
      }
    }
    return mails;
  }

  /**
   * Queues the member's digest, after claiming it: the member's {@code last_digest_at} is moved
   * from the value read to now by a conditional update, which two servers cannot both make (the
   * second waits on the row, then finds it changed and sends nothing).
   *
   * @return false when another run claimed it first
   */
  private boolean digest(long memberId, Instant lastDigestRead, Instant now) {
    var claim =
        em.createNativeQuery(
                "UPDATE member_account SET last_digest_at = ? WHERE id = ? AND "
                    + (lastDigestRead == null ? "last_digest_at IS NULL" : "last_digest_at = ?"))
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, memberId);
    if (lastDigestRead != null) {
      claim.setParameter(3, lastDigestRead.atOffset(ZoneOffset.UTC));
    }
    if (claim.executeUpdate() != 1) {
      return false;
    }
    var member = em.find(MemberAccount.class, memberId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT n.kind, i.title, i.id, n.item_kind, n.item_id, n.statement, n.id"
                    + " FROM member_notification n LEFT JOIN initiative i"
                    + " ON i.id = n.initiative_id WHERE n.member_id = ? AND n.mailed_at IS NULL"
                    + " ORDER BY n.created_at, n.id"
                    + Rows.page(0, LINES_PER_MAIL + 1))
            .setParameter(1, memberId)
            .getResultList();
    var bundle = MemberMail.bundle(member.language());
    var lines = new ArrayList<String>();
    for (Object[] r : rows.subList(0, Math.min(rows.size(), LINES_PER_MAIL))) {
      String key = "notification." + r[0] + ("PROFILE".equals(r[3]) ? ".PROFILE" : "");
      String text =
          new MessageFormat(bundle.getString(key), member.language()).format(new Object[] {r[1]});
      var line = new StringBuilder("• ").append(text);
      if (r[5] != null) {
        line.append("\n  ")
            .append(bundle.getString("notification.statement"))
            .append(" « ")
            .append(r[5])
            .append(" »");
      }
      if ("REMOVED".equals(r[0]) && r[3] != null) {
        line.append("\n  ")
            .append(bundle.getString("notification.appeal"))
            .append(' ')
            .append(mail.link("/compte/recours.xhtml?type=" + r[3] + "&id=" + r[4]));
      } else if (r[2] != null) {
        line.append("\n  ").append(mail.link("/initiatives/voir.xhtml?id=" + r[2]));
      } else {
        line.append("\n  ").append(mail.link("/compte/"));
      }
      lines.add(line.toString());
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
    // Only what this mail listed (or summed up with "…"): a notice written meanwhile waits for the
    // next one instead of being marked mailed unseen.
    long lastListed =
        rows.stream().mapToLong(r -> ((Number) r[6]).longValue()).max().orElse(Long.MIN_VALUE);
    em.createNativeQuery(
            "UPDATE member_notification SET mailed_at = ? WHERE member_id = ?"
                + " AND mailed_at IS NULL AND id <= ?")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, memberId)
        .setParameter(3, lastListed)
        .executeUpdate();
    return true;
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
