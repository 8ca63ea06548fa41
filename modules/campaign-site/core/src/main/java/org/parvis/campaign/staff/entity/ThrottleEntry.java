package org.parvis.campaign.staff.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Failed sign-ins counted for one key ("account:x" or "address:y"). */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(
    name = ThrottleEntry.DELETE_OLDER_THAN,
    query = "DELETE FROM ThrottleEntry t WHERE t.lastFailureAt < :limit")
public class ThrottleEntry {

  public static final String DELETE_OLDER_THAN = "ThrottleEntry.deleteOlderThan";

  @Id
  @Column(name = "throttle_key", length = 120)
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure_at", nullable = false)
  private OffsetDateTime lastFailureAt;

  protected ThrottleEntry() {}

  /** A row with no failure counted yet. */
  public ThrottleEntry(String key, Instant at) {
    this.key = key;
    this.lastFailureAt = at.atOffset(ZoneOffset.UTC);
  }

  public void failed(Instant at) {
    failures++;
    lastFailureAt = at.atOffset(ZoneOffset.UTC);
  }

  public int failures() {
    return failures;
  }

  public Instant lastFailureAt() {
    return lastFailureAt.toInstant();
  }
}
