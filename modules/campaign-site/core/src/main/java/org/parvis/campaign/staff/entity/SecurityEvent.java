package org.parvis.campaign.staff.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One entry of the staff security log. Append-only. */
@Entity
@Table(name = "staff_security_event")
@NamedQuery(
    name = SecurityEvent.OF_USER,
    query =
        "SELECT e FROM SecurityEvent e WHERE e.username = :username"
            + " ORDER BY e.occurredAt DESC, e.id DESC")
public class SecurityEvent {

  public static final String OF_USER = "SecurityEvent.ofUser";

  /** What happened. */
  public enum Kind {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    ACCOUNT_CREATED,
    PASSWORD_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_CHANGE_REFUSED,
    FIRST_ADMINISTRATOR_SETUP_REFUSED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_RESET,
    RECOVERY_CODE_USED,
    NEW_DEVICE,
    ROLES_CHANGED,
    EMAIL_CHANGED
  }

  @Id
  @SequenceGenerator(
      name = "staff_security_event_id",
      sequenceName = "staff_security_event_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_security_event_id")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(updatable = false, length = 64)
  private String username;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private Kind kind;

  @Column(name = "remote_address", updatable = false, length = 45)
  private String remoteAddress;

  @Column(updatable = false, length = 500)
  private String detail;

  protected SecurityEvent() {}

  public SecurityEvent(
      Instant at, String username, Kind kind, String remoteAddress, String detail) {
    this.occurredAt = at.atOffset(ZoneOffset.UTC);
    this.username = username == null ? null : truncate(username, 64);
    this.kind = kind;
    this.remoteAddress = remoteAddress == null ? null : truncate(remoteAddress, 45);
    this.detail = detail == null ? null : truncate(detail, 500);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  public Kind kind() {
    return kind;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String detail() {
    return detail;
  }
}
