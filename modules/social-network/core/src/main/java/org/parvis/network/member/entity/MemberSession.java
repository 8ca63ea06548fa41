package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A member's signed-in session, known by the digest of a random key kept in the HTTP session. The
 * member sees it on their security page and can end it; an ended session is signed out at its next
 * request.
 */
@Entity
@Table(name = "member_session")
@NamedQuery(
    name = MemberSession.OPEN_OF_MEMBER,
    query =
        "SELECT s FROM MemberSession s WHERE s.member = :member AND s.endedAt IS NULL"
            + " AND s.lastSeenAt >= :since ORDER BY s.lastSeenAt DESC")
@NamedQuery(
    name = MemberSession.STATE,
    query = "SELECT s.lastSeenAt, s.endedAt FROM MemberSession s WHERE s.digest = :digest")
@NamedQuery(
    name = MemberSession.SEEN,
    query =
        "UPDATE MemberSession s SET s.lastSeenAt = :at WHERE s.digest = :digest"
            + " AND s.endedAt IS NULL")
public class MemberSession {

  public static final String OPEN_OF_MEMBER = "MemberSession.openOfMember";
  public static final String STATE = "MemberSession.state";
  public static final String SEEN = "MemberSession.seen";

  @Id
  @Column(name = "session_digest", length = 64)
  private String digest;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Column(name = "started_at", nullable = false, updatable = false)
  private OffsetDateTime startedAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(name = "remote_address", updatable = false, length = 45)
  private String remoteAddress;

  @Column(nullable = false, updatable = false, length = 60)
  private String browser;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  protected MemberSession() {}

  public MemberSession(
      String digest, MemberAccount member, String remoteAddress, String browser, Instant at) {
    this.digest = digest;
    this.member = member;
    this.remoteAddress =
        remoteAddress == null
            ? null
            : remoteAddress.substring(0, Math.min(45, remoteAddress.length()));
    this.browser = browser;
    this.startedAt = at.atOffset(ZoneOffset.UTC);
    this.lastSeenAt = startedAt;
  }

  /** Activity is recorded at most once a minute: a write per page would be wasteful. */
  public static boolean activityDue(OffsetDateTime lastSeenAt, Instant at) {
    return lastSeenAt.toInstant().plus(Duration.ofMinutes(1)).isBefore(at);
  }

  public void end(Instant at) {
    if (endedAt == null) {
      endedAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  public boolean isOpen() {
    return endedAt == null;
  }

  public String digest() {
    return digest;
  }

  public MemberAccount member() {
    return member;
  }

  public Instant startedAt() {
    return startedAt.toInstant();
  }

  public Instant lastSeenAt() {
    return lastSeenAt.toInstant();
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public String browser() {
    return browser;
  }
}
