package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.RecoveryCodes;

/**
 * A link sent by email. The link carries 256 random bits; the table keeps only their SHA-256, so a
 * copy of the database opens no account. Each link works once, before it expires.
 */
@Entity
@Table(name = "member_email_token")
@NamedQuery(
    name = MemberEmailToken.UNUSED_OF_MEMBER,
    query =
        "SELECT t FROM MemberEmailToken t WHERE t.member = :member AND t.purpose = :purpose"
            + " AND t.usedAt IS NULL")
public class MemberEmailToken {

  public static final String UNUSED_OF_MEMBER = "MemberEmailToken.unusedOfMember";

  /** What a link does, and how long it lives. */
  public enum Purpose {
    CONFIRM_EMAIL(Duration.ofDays(2)),
    RESET_PASSWORD(Duration.ofHours(1)),
    CHANGE_EMAIL(Duration.ofDays(2));

    private final Duration lifetime;

    Purpose(Duration lifetime) {
      this.lifetime = lifetime;
    }

    public Duration lifetime() {
      return lifetime;
    }
  }

  @Id
  @Column(name = "token_digest", length = 64)
  private String digest;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 20)
  private Purpose purpose;

  @Column(name = "new_email", updatable = false, length = MemberAccount.EMAIL_MAX)
  private String newEmail;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected MemberEmailToken() {}

  private MemberEmailToken(
      String digest, MemberAccount member, Purpose purpose, String newEmail, Instant now) {
    this.digest = digest;
    this.member = member;
    this.purpose = purpose;
    this.newEmail = newEmail;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = now.plus(purpose.lifetime()).atOffset(ZoneOffset.UTC);
  }

  /** A new link's secret (to put in the mail) and its row (to persist). */
  public record Issued(String secret, MemberEmailToken token) {}

  public static Issued issue(MemberAccount member, Purpose purpose, String newEmail, Instant now) {
    String secret = OneTimeCodes.randomKey();
    return new Issued(secret, new MemberEmailToken(digest(secret), member, purpose, newEmail, now));
  }

  public static String digest(String secret) {
    return RecoveryCodes.sha256(String.valueOf(secret));
  }

  /** Whether the link is for {@code expected}, unused and unexpired. */
  public boolean usable(Purpose expected, Instant now) {
    return purpose == expected && usedAt == null && now.isBefore(expiresAt.toInstant());
  }

  /** Uses the link if it is still good: true once, before expiry. */
  public boolean use(Purpose expected, Instant now) {
    if (!usable(expected, now)) {
      return false;
    }
    usedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /** Makes an unused link useless (a newer one was sent, or the password was reset). */
  public void revoke(Instant now) {
    if (usedAt == null) {
      usedAt = now.atOffset(ZoneOffset.UTC);
    }
  }

  public MemberAccount member() {
    return member;
  }

  public Optional<String> newEmail() {
    return Optional.ofNullable(newEmail);
  }
}
