package org.parvis.kernel.api.mail.control;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;

/**
 * The emails a side of Parvis has decided to send, in a {@code mail_outbox} table of its own
 * database: queued in the transaction that decides them (a rolled-back registration sends nothing,
 * a committed one is never forgotten), then delivered by {@link #deliver} and retried with growing
 * delays. Its methods run inside the caller's transaction.
 */
public final class MailOutbox {

  /** After this many failed attempts (about two days of retries) the mail is given up. */
  public static final int MAX_ATTEMPTS = 12;

  private final EntityManager em;

  public MailOutbox(EntityManager em) {
    this.em = em;
  }

  /**
   * One email as queued; the body is plain text. {@code listUnsubscribe} (or null) is the address
   * that unsubscribes the recipient with one POST (RFC 8058), for mailing lists.
   */
  public record Mail(
      long id,
      String recipient,
      String subject,
      String body,
      int attempts,
      String listUnsubscribe) {

    public Mail(long id, String recipient, String subject, String body, int attempts) {
      this(id, recipient, subject, body, attempts, null);
    }
  }

  public void queue(String recipient, String subject, String body, Instant now) {
    queue(recipient, subject, body, null, now);
  }

  /** Queues a mail of a mailing list, with its one-click unsubscribe address. */
  public void queue(
      String recipient, String subject, String body, String listUnsubscribe, Instant now) {
    var at = now.atOffset(ZoneOffset.UTC);
    em.createNativeQuery(
            "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at,"
                + " attempts, list_unsubscribe) VALUES (?, ?, ?, ?, ?, 0, CAST(? AS VARCHAR(500)))")
        .setParameter(1, recipient)
        .setParameter(2, subject)
        .setParameter(3, body)
        .setParameter(4, at)
        .setParameter(5, at)
        .setParameter(6, listUnsubscribe)
        .executeUpdate();
  }

  /**
   * What waits in the outbox: unsent mails, those of them whose last attempt failed, the time the
   * oldest was written (null when none waits) and the last error met (null when none).
   */
  public record Backlog(long pending, long failing, Instant oldest, String lastError) {}

  public Backlog backlog() {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COUNT(last_error), MIN(created_at) FROM mail_outbox"
                        + " WHERE sent_at IS NULL")
                .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object> errors =
        em.createNativeQuery(
                "SELECT last_error FROM mail_outbox WHERE sent_at IS NULL AND last_error IS NOT"
                    + " NULL ORDER BY id DESC"
                    + Rows.page(0, 1))
            .getResultList();
    return new Backlog(
        ((Number) counts[0]).longValue(),
        ((Number) counts[1]).longValue(),
        org.parvis.kernel.api.sql.Rows.instant(counts[2]),
        errors.isEmpty() ? null : (String) errors.get(0));
  }

  /**
   * An unsent mail whose last attempt failed: its recipient shown with the mailbox name hidden
   * ({@code j…@example.org}), the error, and whether it was given up after {@link #MAX_ATTEMPTS}.
   */
  public record Failure(
      long id,
      String recipient,
      String subject,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant nextAttempt,
      boolean givenUp) {}

  /** Unsent mails with an error, newest first, at most {@code limit}. */
  public List<Failure> failures(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, recipient, subject, attempts, last_error, created_at, next_attempt_at"
                    + " FROM mail_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL"
                    + " ORDER BY id DESC"
                    + Rows.page(0, limit))
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              int attempts = ((Number) r[3]).intValue();
              return new Failure(
                  ((Number) r[0]).longValue(),
                  masked((String) r[1]),
                  (String) r[2],
                  attempts,
                  maskedIn((String) r[4]),
                  org.parvis.kernel.api.sql.Rows.instant(r[5]),
                  org.parvis.kernel.api.sql.Rows.instant(r[6]),
                  attempts >= MAX_ATTEMPTS);
            })
        .toList();
  }

  private static final java.util.regex.Pattern ADDRESS =
      java.util.regex.Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

  /** An SMTP server's answer with every address in it masked (they often repeat the recipient). */
  public static String maskedIn(String error) {
    return error == null
        ? null
        : ADDRESS
            .matcher(error)
            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(masked(m.group())));
  }

  /** {@code j…@example.org} for {@code jeanne@example.org}. */
  static String masked(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    return at <= 0 ? "…" : address.charAt(0) + "…" + address.substring(at);
  }

  /**
   * Makes a failed mail due at {@code now} with its attempts counted from zero; false if it was
   * sent, never failed, is claimed by a delivery run (in flight or in doubt) or does not exist.
   */
  public boolean retry(long id, Instant now) {
    return em.createNativeQuery(
                "UPDATE mail_outbox SET attempts = 0, next_attempt_at = ? WHERE id = ?"
                    + " AND sent_at IS NULL AND last_error IS NOT NULL AND next_attempt_at < ?")
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, id)
            .setParameter(3, IN_DOUBT.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  /** Unsent mails whose next attempt is due, oldest first. */
  public List<Mail> due(Instant now, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, recipient, subject, body, attempts, list_unsubscribe FROM mail_outbox"
                    + " WHERE sent_at IS NULL AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at"
                    + Rows.page(0, limit))
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Mail(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    (String) r[5]))
        .toList();
  }

  /**
   * Retention: deletes the mails sent before the cutoff, and those never sent that were written
   * before it (long given up). Returns how many went.
   */
  public int forget(Instant cutoff) {
    return em.createNativeQuery(
            "DELETE FROM mail_outbox WHERE COALESCE(sent_at, created_at) < ? AND created_at < ?")
        .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
        .setParameter(2, cutoff.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  public void sent(long id, Instant now) {
    em.createNativeQuery("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, id)
        .executeUpdate();
  }

  /** Counts a failed attempt; the next one waits 1, 2, 4… minutes, at most 6 hours. */
  public void failed(Mail mail, String error, Instant now) {
    int attempts = mail.attempts() + 1;
    Instant next =
        attempts >= MAX_ATTEMPTS
            ? now.plus(Duration.ofDays(365 * 100))
            : now.plus(retryDelay(attempts));
    em.createNativeQuery(
            "UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
        .setParameter(1, attempts)
        .setParameter(2, next.atOffset(ZoneOffset.UTC))
        .setParameter(3, error == null ? null : error.substring(0, Math.min(500, error.length())))
        .setParameter(4, mail.id())
        .executeUpdate();
  }

  /** Where a claimed mail waits if the server stops before it is settled: nowhere near due. */
  public static final Instant IN_DOUBT = Instant.parse("9999-01-01T00:00:00Z");

  /**
   * Takes the mail for this delivery run; false if another run (another thread, another server)
   * took it first. A mail claimed and never settled (the server stopped while talking to SMTP) is
   * never sent again: a mail sent twice is worse than one a person asks for again.
   */
  public boolean claim(long id, Instant now) {
    return em.createNativeQuery(
                "UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL"
                    + " AND next_attempt_at <= ?")
            .setParameter(1, IN_DOUBT.atOffset(ZoneOffset.UTC))
            .setParameter(2, id)
            .setParameter(3, now.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  /**
   * The steps of a delivery, each committed in a short transaction of its own by the side that owns
   * the outbox (no database connection is held while SMTP answers).
   */
  public interface Steps {
    List<Mail> due(Instant now, int limit);

    boolean claim(long id, Instant now);

    void sent(long id, Instant now);

    void failed(Mail mail, String error, Instant now);
  }

  /**
   * Delivers the due mails, at most {@code limit}: each is claimed before it goes to the SMTP
   * server and settled after, so that two servers (or a commit that fails) never send it twice; a
   * refused mail is retried later. Returns how many went out. The one delivery loop of both sides.
   */
  public static int deliver(Steps steps, java.time.Clock clock, int limit) {
    int sent = 0;
    for (var mail : steps.due(clock.instant(), limit)) {
      if (!steps.claim(mail.id(), clock.instant())) {
        continue;
      }
      try {
        MailTransport.send(mail);
        steps.sent(mail.id(), clock.instant());
        sent++;
      } catch (jakarta.mail.MessagingException | RuntimeException e) {
        java.util.logging.Logger.getLogger(MailOutbox.class.getName())
            .log(
                java.util.logging.Level.WARNING,
                "Mail {0} not sent, will retry: {1}",
                new Object[] {mail.id(), e});
        steps.failed(mail, String.valueOf(e.getMessage()), clock.instant());
      }
    }
    return sent;
  }

  static Duration retryDelay(int attempts) {
    Duration delay = Duration.ofMinutes(1L << Math.min(attempts - 1, 16));
    return delay.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : delay;
  }
}
