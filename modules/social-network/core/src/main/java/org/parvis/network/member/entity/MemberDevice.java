package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A browser a member has signed in from, known by the digest of its device cookie. */
@Entity
@Table(name = "member_device")
@NamedQuery(
    name = MemberDevice.COUNT_OF_MEMBER,
    query = "SELECT COUNT(d) FROM MemberDevice d WHERE d.member = :member")
public class MemberDevice {

  public static final String COUNT_OF_MEMBER = "MemberDevice.countOfMember";

  @Id
  @Column(name = "device_digest", length = 64)
  private String digest;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private OffsetDateTime firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(nullable = false, length = 60)
  private String browser;

  protected MemberDevice() {}

  public MemberDevice(String digest, MemberAccount member, String browser, Instant at) {
    this.digest = digest;
    this.member = member;
    this.browser = browser;
    this.firstSeenAt = at.atOffset(ZoneOffset.UTC);
    this.lastSeenAt = firstSeenAt;
  }

  public void seen(Instant at) {
    lastSeenAt = at.atOffset(ZoneOffset.UTC);
  }

  public MemberAccount member() {
    return member;
  }
}
