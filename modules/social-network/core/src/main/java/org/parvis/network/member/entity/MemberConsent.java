package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/**
 * A member's explicit consent to one purpose, with the version of the text they were shown: the
 * record that GDPR art. 7(1) asks the party to be able to produce.
 */
@Entity
@Table(name = "member_consent")
@NamedQuery(
    name = MemberConsent.OF_MEMBER,
    query = "SELECT c FROM MemberConsent c WHERE c.member = :member ORDER BY c.givenAt DESC")
public class MemberConsent {

  public static final String OF_MEMBER = "MemberConsent.ofMember";

  /** Processing of data revealing political opinions (GDPR art. 9(2)(a)). */
  public static final String POLITICAL_OPINIONS = "political-opinions";

  @Id
  @SequenceGenerator(
      name = "member_consent_id",
      sequenceName = "member_consent_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_consent_id")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Column(nullable = false, updatable = false, length = 40)
  private String purpose;

  @Column(name = "text_version", nullable = false, updatable = false, length = 20)
  private String textVersion;

  @Column(name = "given_at", nullable = false, updatable = false)
  private OffsetDateTime givenAt;

  @Column(name = "withdrawn_at")
  private OffsetDateTime withdrawnAt;

  protected MemberConsent() {}

  public MemberConsent(MemberAccount member, String purpose, String textVersion, Instant givenAt) {
    this.member = Objects.requireNonNull(member);
    this.purpose = Objects.requireNonNull(purpose);
    this.textVersion = Objects.requireNonNull(textVersion);
    this.givenAt = givenAt.atOffset(ZoneOffset.UTC);
  }

  public void withdraw(Instant at) {
    if (withdrawnAt == null) {
      withdrawnAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  public String purpose() {
    return purpose;
  }

  public String textVersion() {
    return textVersion;
  }

  public Instant givenAt() {
    return givenAt.toInstant();
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }
}
