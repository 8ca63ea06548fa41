package org.parvis.network.privacy.control;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.control.MemberMail;
import org.parvis.privacy.api.RetentionCategory;

/**
 * A member's archive of all their data, prepared in the background by the Jakarta Batch job {@code
 * parvis-member-archive} (step by step, its progress saved as it goes), then downloadable by them
 * alone for a limited time (7 days by default), after which the retention job deletes it.
 */
@ApplicationScoped
// Reads too run in a transaction: outside one, this server closes the entity manager between
// calls made on the same thread after a transactional one.
@Transactional
public class MemberArchives {

  public static final String JOB = "parvis-member-archive";

  /** At most this many archives a day per member: each reads the whole of their data. */
  static final int PER_DAY = 3;

  /** How long an archive can be downloaded, and is kept. */
  public static RetentionCategory retention() {
    return RetentionCategory.configured(
        "network.member-archive", Period.ofDays(7), "archive de données d’un membre supprimée");
  }

  /** What the member sees of an archive. */
  public record Archive(
      long id,
      String status,
      int progress,
      Instant requestedAt,
      Instant readyAt,
      Instant expiresAt,
      long size) {

    public boolean pending() {
      return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    public boolean downloadable(Instant now) {
      return "READY".equals(status) && expiresAt != null && now.isBefore(expiresAt);
    }
  }

  /** The member whose archive is being built, as the job needs them. */
  public record Owner(long memberId, String email, String name, Locale language) {}

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject MemberMail mail;

  /**
   * Queues an archive for the member, or gives back the one already under way. Empty when the
   * member asked too often today.
   */
  @Transactional
  public Optional<Long> queue(long memberId, Instant now) {
    var latest = latest(memberId);
    if (latest.isPresent() && latest.get().pending()) {
      return Optional.of(latest.get().id());
    }
    long today =
        Rows.number(
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM member_archive WHERE member_id = ? AND requested_at > ?")
                .setParameter(1, memberId)
                .setParameter(2, Rows.utc(now.minus(Duration.ofDays(1))))
                .getSingleResult());
    if (today >= PER_DAY) {
      return Optional.empty();
    }
    em.createNativeQuery(
            "INSERT INTO member_archive (member_id, status, progress, requested_at)"
                + " VALUES (?, 'QUEUED', 0, ?)")
        .setParameter(1, memberId)
        .setParameter(2, Rows.utc(now))
        .executeUpdate();
    return latest(memberId).map(Archive::id);
  }

  /** Starts the job that builds the archive (call after {@link #queue} has committed). */
  public long start(long archiveId) {
    var parameters = new Properties();
    parameters.setProperty("archive", Long.toString(archiveId));
    return BatchRuntime.getJobOperator().start(JOB, parameters);
  }

  /** The member's latest archive, if any. */
  public Optional<Archive> latest(long memberId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, status, progress, requested_at, ready_at, expires_at, size_bytes"
                    + " FROM member_archive WHERE member_id = ? ORDER BY requested_at DESC, id DESC"
                    + Rows.page(0, 1))
            .setParameter(1, memberId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Archive(
                    Rows.number(r[0]),
                    (String) r[1],
                    ((Number) r[2]).intValue(),
                    Rows.instant(r[3]),
                    Rows.instant(r[4]),
                    Rows.instant(r[5]),
                    Rows.number(r[6])));
  }

  /** The archive's ZIP, for its owner only, while it has not expired. */
  public Optional<byte[]> content(long archiveId, long memberId, Instant now) {
    @SuppressWarnings("unchecked")
    List<byte[]> rows =
        em.createNativeQuery(
                "SELECT content FROM member_archive WHERE id = ? AND member_id = ?"
                    + " AND status = 'READY' AND expires_at > ?")
            .setParameter(1, archiveId)
            .setParameter(2, memberId)
            .setParameter(3, Rows.utc(now))
            .getResultList();
    return rows.stream().findFirst();
  }

  /** The job takes a queued archive: running, and whose it is. Empty if it is not queued. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Owner> begin(long archiveId, Instant now) {
    int taken =
        em.createNativeQuery(
                "UPDATE member_archive SET status = 'RUNNING', started_at = ?"
                    + " WHERE id = ? AND status = 'QUEUED'")
            .setParameter(1, Rows.utc(now))
            .setParameter(2, archiveId)
            .executeUpdate();
    if (taken == 0) {
      return Optional.empty();
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT m.id, m.email, m.display_name, m.language FROM member_account m"
                        + " JOIN member_archive a ON a.member_id = m.id WHERE a.id = ?")
                .setParameter(1, archiveId)
                .getSingleResult();
    return Optional.of(
        new Owner(
            Rows.number(row[0]),
            (String) row[1],
            (String) row[2],
            Locale.forLanguageTag((String) row[3])));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void progress(long archiveId, int percent) {
    em.createNativeQuery("UPDATE member_archive SET progress = ? WHERE id = ?")
        .setParameter(1, percent)
        .setParameter(2, archiveId)
        .executeUpdate();
  }

  /** The archive is written: downloadable until it expires; the member is told by mail. */
  @Transactional(TxType.REQUIRES_NEW)
  public void ready(long archiveId, Owner owner, byte[] zip, Instant now) {
    Instant expires = now.atOffset(java.time.ZoneOffset.UTC).plus(retention().period()).toInstant();
    em.createNativeQuery(
            "UPDATE member_archive SET status = 'READY', progress = 100, content = ?,"
                + " size_bytes = ?, ready_at = ?, expires_at = ? WHERE id = ?")
        .setParameter(1, zip)
        .setParameter(2, (long) zip.length)
        .setParameter(3, Rows.utc(now))
        .setParameter(4, Rows.utc(expires))
        .setParameter(5, archiveId)
        .executeUpdate();
    mail.send(
        owner.email(),
        owner.language(),
        "archive",
        now,
        owner.name(),
        MemberMail.dateTime(expires, owner.language()),
        mail.link("/compte/vie-privee.xhtml"));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void failed(long archiveId, String error) {
    em.createNativeQuery("UPDATE member_archive SET status = 'FAILED', error = ? WHERE id = ?")
        .setParameter(1, error.length() > 500 ? error.substring(0, 500) : error)
        .setParameter(2, archiveId)
        .executeUpdate();
  }

  /** Retention: archives requested before the cutoff go, ready or not. */
  int forget(Instant cutoff) {
    return em.createNativeQuery("DELETE FROM member_archive WHERE requested_at < ?")
        .setParameter(1, Rows.utc(cutoff))
        .executeUpdate();
  }
}
