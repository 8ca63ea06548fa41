package org.parvis.privacy.api.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.PrivacyRequest;
import org.parvis.privacy.api.PrivacyRequest.Channel;
import org.parvis.privacy.api.PrivacyRequest.Kind;
import org.parvis.privacy.api.PrivacyRequest.Status;

/**
 * The request register's table ({@code privacy_request}, the same on each database), read and
 * written by each side through its own entity manager.
 */
public final class PrivacyRequestRows {

  private static final String COLUMNS =
      "id, kind, channel, requester, subject, received_on, due_on, extension_reason, status,"
          + " action_taken, proof_sent, closed_at, handled_by";

  private final EntityManager em;
  private final DataSide side;

  public PrivacyRequestRows(EntityManager em, DataSide side) {
    this.em = em;
    this.side = side;
  }

  public long insert(PrivacyRequest.Received r, String staff, Instant when) {
    // Found back by its time: as precise as the databases keep it.
    Instant now = when.truncatedTo(ChronoUnit.MILLIS);
    em.createNativeQuery(
            "INSERT INTO privacy_request (kind, channel, requester, subject, received_on, due_on,"
                + " status, action_taken, proof_sent, handled_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', '', '', ?, ?, ?)")
        .setParameter(1, r.kind().name())
        .setParameter(2, r.channel().name())
        .setParameter(3, r.requester().strip())
        .setParameter(4, r.subject().strip())
        .setParameter(5, r.receivedOn())
        .setParameter(6, PrivacyRequest.deadline(r.receivedOn(), false))
        .setParameter(7, staff)
        .setParameter(8, Rows.utc(now))
        .setParameter(9, Rows.utc(now))
        .executeUpdate();
    return Rows.number(
        em.createNativeQuery("SELECT MAX(id) FROM privacy_request WHERE created_at = ?")
            .setParameter(1, Rows.utc(now))
            .getSingleResult());
  }

  public void update(long id, PrivacyRequest.Handling h, String staff, Instant now) {
    var current = find(id).orElseThrow();
    boolean extending = h.extensionReason() != null && !h.extensionReason().isBlank();
    em.createNativeQuery(
            "UPDATE privacy_request SET status = ?, action_taken = ?, proof_sent = ?,"
                + " extension_reason = ?, due_on = ?, closed_at = ?, handled_by = ?,"
                + " updated_at = ? WHERE id = ?")
        .setParameter(1, h.status().name())
        .setParameter(2, h.action() == null ? "" : h.action().strip())
        .setParameter(3, h.proof() == null ? "" : h.proof().strip())
        .setParameter(4, extending ? h.extensionReason().strip() : current.extensionReason())
        .setParameter(
            5, extending ? PrivacyRequest.deadline(current.receivedOn(), true) : current.dueOn())
        .setParameter(6, Rows.utc(h.status().closed() ? now : null))
        .setParameter(7, staff)
        .setParameter(8, Rows.utc(now))
        .setParameter(9, id)
        .executeUpdate();
  }

  /** Appends a line to the action taken; the request stays as it is otherwise. */
  public void note(long id, String line, String staff, Instant now) {
    var current = find(id).orElseThrow();
    String action =
        current.action().isBlank() ? line.strip() : current.action() + "\n" + line.strip();
    em.createNativeQuery(
            "UPDATE privacy_request SET action_taken = ?, handled_by = ?, updated_at = ?"
                + " WHERE id = ?")
        .setParameter(1, action.length() > 4000 ? action.substring(action.length() - 4000) : action)
        .setParameter(2, staff)
        .setParameter(3, Rows.utc(now))
        .setParameter(4, id)
        .executeUpdate();
  }

  public Optional<PrivacyRequest> find(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT " + COLUMNS + " FROM privacy_request WHERE id = ?")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(this::request);
  }

  /** The open requests' count, those past their deadline on {@code today}, the nearest one. */
  public org.parvis.privacy.api.PrivacyRequests.Open open(java.time.LocalDate today) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END), 0),"
                        + " MIN(due_on) FROM privacy_request WHERE closed_at IS NULL")
                .setParameter(1, today)
                .getSingleResult();
    return new org.parvis.privacy.api.PrivacyRequests.Open(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        row[2] == null ? null : Rows.localDate(row[2]));
  }

  public List<PrivacyRequest> list(int first, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM privacy_request ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END,"
                    + " due_on, id DESC"
                    + Rows.page(first, size))
            .getResultList();
    return rows.stream().map(this::request).toList();
  }

  /** Retention: closed requests closed before the cutoff. */
  public int forget(Instant cutoff) {
    return em.createNativeQuery("DELETE FROM privacy_request WHERE closed_at < ?")
        .setParameter(1, Rows.utc(cutoff))
        .executeUpdate();
  }

  private PrivacyRequest request(Object[] r) {
    return new PrivacyRequest(
        Rows.number(r[0]),
        side,
        Kind.valueOf((String) r[1]),
        Channel.valueOf((String) r[2]),
        (String) r[3],
        (String) r[4],
        date(r[5]),
        date(r[6]),
        (String) r[7],
        Status.valueOf((String) r[8]),
        (String) r[9],
        (String) r[10],
        Rows.instant(r[11]),
        (String) r[12]);
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return (LocalDate) value;
  }
}
