package org.parvis.campaign.staff.entity;

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

/** A browser a staff member has signed in from, known by the digest of its device cookie. */
@Entity
@Table(name = "staff_device")
@NamedQuery(
    name = StaffDevice.COUNT_OF_ACCOUNT,
    query = "SELECT COUNT(d) FROM StaffDevice d WHERE d.account = :account")
public class StaffDevice {

  public static final String COUNT_OF_ACCOUNT = "StaffDevice.countOfAccount";

  @Id
  @Column(name = "device_digest", length = 64)
  private String digest;

  @ManyToOne(optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private StaffAccount account;

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private OffsetDateTime firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  @Column(nullable = false, length = 60)
  private String browser;

  protected StaffDevice() {}

  public StaffDevice(String digest, StaffAccount account, String browser, Instant at) {
    this.digest = digest;
    this.account = account;
    this.browser = browser;
    this.firstSeenAt = at.atOffset(ZoneOffset.UTC);
    this.lastSeenAt = firstSeenAt;
  }

  public void seen(Instant at) {
    lastSeenAt = at.atOffset(ZoneOffset.UTC);
  }

  public StaffAccount account() {
    return account;
  }
}
