package org.parvis.campaign.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.sql.Rows;

/**
 * Newsletter campaigns: an editor composes one (plain text, optionally for one theme) and starts
 * it; {@link #sendDue(int, Instant)} then queues it, a batch at a time, to every confirmed
 * subscriber of the theme. Each subscriber's delivery row and mail are written in one transaction
 * and the row's primary key forbids a second: a stop and restart anywhere resumes where the last
 * committed batch ended, and nobody gets the campaign twice.
 */
@ApplicationScoped
@Transactional
public class Campaigns {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject Newsletter newsletter;

  /** A campaign and its progress. */
  public record Campaign(
      long id,
      String subject,
      String body,
      String theme,
      String status,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      int recipients,
      int queued) {

    /** Percent queued, for the progress bar. */
    public int percent() {
      return recipients == 0 ? ("SENT".equals(status) ? 100 : 0) : queued * 100 / recipients;
    }
  }

  /** Creates a draft; returns its id, or -1 with the problem key. */
  @Transactional
  public long compose(String staff, String subject, String body, String theme, Instant when) {
    // Stored to the microsecond, as both databases keep it: the row is found again by it.
    Instant now = when.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    if (invalid(subject, body, theme)) {
      return -1;
    }
    em.createNativeQuery(
            "INSERT INTO newsletter_campaign (subject, body, theme, status, created_by, created_at,"
                + " recipients, queued) VALUES (?, ?, CAST(? AS VARCHAR(20)), 'DRAFT', ?, ?, 0, 0)")
        .setParameter(1, subject.strip())
        .setParameter(2, body.strip())
        .setParameter(3, theme == null || theme.isBlank() ? null : theme)
        .setParameter(4, staff)
        .setParameter(5, Rows.utc(now))
        .executeUpdate();
    return Rows.number(
        em.createNativeQuery(
                "SELECT MAX(id) FROM newsletter_campaign WHERE created_by = ? AND created_at = ?")
            .setParameter(1, staff)
            .setParameter(2, Rows.utc(now))
            .getSingleResult());
  }

  /** Whether the subject, body and theme cannot make a campaign. */
  public static boolean invalid(String subject, String body, String theme) {
    if (subject == null || subject.isBlank() || subject.strip().length() > 200) {
      return true;
    }
    if (body == null || body.strip().length() < 10 || body.strip().length() > 20_000) {
      return true;
    }
    if (theme != null && !theme.isBlank()) {
      try {
        Newsletter.Theme.valueOf(theme);
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
    return false;
  }

  /** Starts sending a draft: counts its recipients now; the job queues it from then on. */
  @Transactional
  public Optional<String> start(long id, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object> themes =
        em.createNativeQuery(
                "SELECT theme FROM newsletter_campaign WHERE id = ? AND status = 'DRAFT'"
                    + " FOR UPDATE")
            .setParameter(1, id)
            .getResultList();
    if (themes.isEmpty()) {
      return Optional.of("campaign.not-draft");
    }
    String theme = (String) themes.get(0);
    var count =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM newsletter_subscriber WHERE status = 'CONFIRMED'"
                + (theme == null ? "" : " AND themes LIKE ?"));
    if (theme != null) {
      count.setParameter(1, "%" + theme + "%");
    }
    long recipients = Rows.number(count.getSingleResult());
    em.createNativeQuery(
            "UPDATE newsletter_campaign SET status = 'SENDING', started_at = ?, recipients = ?"
                + " WHERE id = ?")
        .setParameter(1, Rows.utc(now))
        .setParameter(2, recipients)
        .setParameter(3, id)
        .executeUpdate();
    return Optional.empty();
  }

  /**
   * Queues the oldest campaign being sent to at most {@code limit} more subscribers, in this
   * transaction (the campaign row is locked, so two servers never queue the same batch); marks it
   * sent when nobody is left. Subscribers who confirmed after the start receive it too; those who
   * left meanwhile do not. Returns how many mails were queued.
   */
  @Transactional
  public int sendDue(int limit, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> sending =
        em.createNativeQuery(
                "SELECT id, subject, body, theme FROM newsletter_campaign WHERE status = 'SENDING'"
                    + " ORDER BY started_at, id LIMIT 1 FOR UPDATE")
            .getResultList();
    if (sending.isEmpty()) {
      return 0;
    }
    Object[] campaign = sending.get(0);
    long id = Rows.number(campaign[0]);
    String theme = (String) campaign[3];
    var next =
        em.createNativeQuery(
            "SELECT s.id, s.email, s.language, s.manage_token FROM newsletter_subscriber s"
                + " WHERE s.status = 'CONFIRMED'"
                + (theme == null ? "" : " AND s.themes LIKE ?")
                + " AND NOT EXISTS (SELECT 1 FROM newsletter_delivery d"
                + " WHERE d.campaign_id = ? AND d.subscriber_id = s.id)"
                + " ORDER BY s.id"
                + Rows.page(0, limit));
    int position = 1;
    if (theme != null) {
      next.setParameter(position++, "%" + theme + "%");
    }
    next.setParameter(position, id);
    @SuppressWarnings("unchecked")
    List<Object[]> batch = next.getResultList();
    var outbox = new MailOutbox(em);
    int queued = 0;
    for (Object[] s : batch) {
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO newsletter_delivery (campaign_id, subscriber_id, queued_at)"
                      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
              .setParameter(1, id)
              .setParameter(2, Rows.number(s[0]))
              .setParameter(3, Rows.utc(now))
              .executeUpdate();
      if (inserted == 0) {
        continue;
      }
      String token = (String) s[3];
      String footer =
          MessageFormat.format(
              Newsletter.bundle((String) s[2]).getString("campaign.footer"),
              newsletter.partyName(),
              newsletter.manageLink(token));
      outbox.queue(
          (String) s[1],
          (String) campaign[1],
          campaign[2] + "\n\n" + footer,
          newsletter.oneClickLink(token),
          now);
      queued++;
    }
    if (batch.size() < limit) {
      em.createNativeQuery(
              "UPDATE newsletter_campaign SET status = 'SENT', finished_at = ?,"
                  + " queued = queued + ?, recipients = GREATEST(recipients, queued + ?)"
                  + " WHERE id = ?")
          .setParameter(1, Rows.utc(now))
          .setParameter(2, queued)
          .setParameter(3, queued)
          .setParameter(4, id)
          .executeUpdate();
    } else {
      em.createNativeQuery("UPDATE newsletter_campaign SET queued = queued + ? WHERE id = ?")
          .setParameter(1, queued)
          .setParameter(2, id)
          .executeUpdate();
    }
    return queued;
  }

  /** The latest campaigns with their progress. */
  public List<Campaign> list(int page) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, subject, body, theme, status, created_by, created_at, started_at,"
                    + " finished_at, recipients, queued FROM newsletter_campaign"
                    + " ORDER BY created_at DESC, id DESC"
                    + Rows.page(Math.max(0, page) * 20, 20))
            .getResultList();
    return rows.stream().map(Campaigns::campaign).toList();
  }

  public Optional<Campaign> campaign(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, subject, body, theme, status, created_by, created_at, started_at,"
                    + " finished_at, recipients, queued FROM newsletter_campaign WHERE id = ?")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(Campaigns::campaign);
  }

  private static Campaign campaign(Object[] r) {
    return new Campaign(
        Rows.number(r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        Rows.instant(r[6]),
        Rows.instant(r[7]),
        Rows.instant(r[8]),
        (int) Rows.number(r[9]),
        (int) Rows.number(r[10]));
  }
}
