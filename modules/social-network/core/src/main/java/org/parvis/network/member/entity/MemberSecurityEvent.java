package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One line of a member's security log, which the member sees on their account page. */
@Entity
@Table(name = "member_security_event")
@NamedQuery(
    name = MemberSecurityEvent.OF_MEMBER,
    query =
        "SELECT e FROM MemberSecurityEvent e WHERE e.member = :member"
            + " ORDER BY e.occurredAt DESC, e.id DESC")
public class MemberSecurityEvent {

  public static final String OF_MEMBER = "MemberSecurityEvent.ofMember";

  /** What happened; the name is also the suffix of its message key. */
  public enum Kind {
    REGISTERED,
    REGISTRATION_ATTEMPTED,
    EMAIL_CONFIRMED,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_DISABLED,
    RECOVERY_CODE_USED,
    MANDATE_GRANTED,
    MANDATE_REVOKED,
    ACCOUNT_FROZEN,
    FREEZE_LIFTED,
    FREEZE_KEPT,
    NEW_DEVICE,
    SESSION_ENDED,
    RANKINGS_LEFT,
    RANKINGS_JOINED,
    WARNED,
    SUSPENDED,
    BANNED,
    SANCTION_LIFTED
  }

  @Id
  @SequenceGenerator(
      name = "member_security_event_id",
      sequenceName = "member_security_event_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_security_event_id")
  private Long id;

  @ManyToOne
  @JoinColumn(name = "member_id", updatable = false)
  private MemberAccount member;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 40)
  private Kind kind;

  @Column(name = "remote_address", updatable = false, length = 45)
  private String remoteAddress;

  @Column(updatable = false, length = 500)
  private String detail;

  protected MemberSecurityEvent() {}

  public MemberSecurityEvent(
      MemberAccount member, Instant at, Kind kind, String remoteAddress, String detail) {
    this.member = member;
    this.occurredAt = at.atOffset(ZoneOffset.UTC);
    this.kind = kind;
    this.remoteAddress =
        remoteAddress == null
            ? null
            : remoteAddress.substring(0, Math.min(45, remoteAddress.length()));
    this.detail = detail;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public Kind kind() {
    return kind;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String detail() {
    return detail;
  }
}
