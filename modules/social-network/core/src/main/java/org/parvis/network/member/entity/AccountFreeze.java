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
import java.util.Objects;
import java.util.Optional;
import org.parvis.network.member.entity.MemberAccount.FreezeReason;

/** An account frozen by the dormant-account watch, waiting for staff to review it. */
@Entity
@jakarta.persistence.EntityListeners(org.parvis.network.pages.entity.PublicPagesListener.class)
@Table(name = "account_freeze")
@NamedQuery(
    name = AccountFreeze.PENDING,
    query =
        "SELECT f FROM AccountFreeze f JOIN FETCH f.member WHERE f.reviewedAt IS NULL"
            + " ORDER BY f.frozenAt, f.id")
@NamedQuery(
    name = AccountFreeze.PENDING_COUNT,
    query = "SELECT COUNT(f) FROM AccountFreeze f WHERE f.reviewedAt IS NULL")
public class AccountFreeze {

  public static final String PENDING = "AccountFreeze.pending";
  public static final String PENDING_COUNT = "AccountFreeze.pendingCount";

  @Id
  @SequenceGenerator(
      name = "account_freeze_id",
      sequenceName = "account_freeze_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_freeze_id")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Column(name = "frozen_at", nullable = false, updatable = false)
  private OffsetDateTime frozenAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private FreezeReason reason;

  @Column(name = "reviewed_at")
  private OffsetDateTime reviewedAt;

  @Column(name = "reviewed_by", length = 64)
  private String reviewedBy;

  @Column(name = "lifted")
  private Boolean lifted;

  protected AccountFreeze() {}

  public AccountFreeze(MemberAccount member, FreezeReason reason, Instant at) {
    this.member = Objects.requireNonNull(member);
    this.reason = Objects.requireNonNull(reason);
    this.frozenAt = at.atOffset(ZoneOffset.UTC);
  }

  /** Staff decided: lift the freeze (the holder is in control) or keep the account frozen. */
  public boolean review(boolean lift, String staff, Instant at) {
    if (reviewedAt != null) {
      return false;
    }
    reviewedAt = at.atOffset(ZoneOffset.UTC);
    reviewedBy = staff;
    lifted = lift;
    if (lift) {
      member.unfreeze();
    }
    return true;
  }

  public Long id() {
    return id;
  }

  public MemberAccount member() {
    return member;
  }

  public FreezeReason reason() {
    return reason;
  }

  public Instant frozenAt() {
    return frozenAt.toInstant();
  }

  public Optional<Boolean> lifted() {
    return Optional.ofNullable(lifted);
  }
}
