package org.parvis.network.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.TwoFactor;
import org.parvis.network.pages.control.PublicChanges;
import org.parvis.network.territory.entity.Commune;

/**
 * A citizen's account on the network: a public handle and display name, a private email (never
 * shown to other members) that must be confirmed before the account can act, a home commune.
 */
@Entity
@Table(name = "member_account")
@NamedQuery(
    name = MemberAccount.BY_EMAIL,
    query = "SELECT m FROM MemberAccount m WHERE m.email = :email")
@NamedQuery(
    name = MemberAccount.BY_HANDLE,
    query = "SELECT m FROM MemberAccount m JOIN FETCH m.commune WHERE m.handle = :handle")
public class MemberAccount {

  public static final String BY_EMAIL = "MemberAccount.byEmail";
  public static final String BY_HANDLE = "MemberAccount.byHandle";

  /** Lower-case letters, digits, dot, dash, underscore; 3 to 30 characters. */
  public static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");

  public static final int DISPLAY_NAME_MAX = 80;
  public static final int EMAIL_MAX = EmailAddress.MAX;

  @Id
  @SequenceGenerator(
      name = "member_account_id",
      sequenceName = "member_account_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_account_id")
  private Long id;

  @Column(nullable = false, updatable = false, length = 30)
  private String handle;

  @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
  private String displayName;

  @Column(nullable = false, length = EMAIL_MAX)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  /** Required of every account; emptied only on an erased member's tombstone. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "commune_code")
  private Commune commune;

  @Column(nullable = false, length = 2)
  private String language;

  /** FEMININE, MASCULINE or null (not said): how the words naming the member agree. */
  @Column(name = "grammatical_gender", length = 9)
  private String grammaticalGender;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "email_confirmed_at")
  private OffsetDateTime emailConfirmedAt;

  @Column(name = "last_sign_in_at")
  private OffsetDateTime lastSignInAt;

  @Embedded private TwoFactor twoFactor = new TwoFactor();

  @Column(name = "last_second_factor_at")
  private OffsetDateTime lastSecondFactorAt;

  @Column(name = "last_published_at")
  private OffsetDateTime lastPublishedAt;

  @Column(name = "woke_at")
  private OffsetDateTime wokeAt;

  @Column(name = "publications_since_wake", nullable = false)
  private int publicationsSinceWake;

  @Column(name = "frozen_at")
  private OffsetDateTime frozenAt;

  @Column(name = "suspended_until")
  private OffsetDateTime suspendedUntil;

  /** Set once, by the erasure (native SQL): the row is an anonymous tombstone from then on. */
  @Column(name = "erased_at", insertable = false, updatable = false)
  private OffsetDateTime erasedAt;

  @Column(name = "hidden_from_rankings_at")
  private OffsetDateTime hiddenFromRankingsAt;

  @Column(name = "profile_hidden_at")
  private OffsetDateTime profileHiddenAt;

  protected MemberAccount() {}

  public MemberAccount(
      String handle,
      String displayName,
      String email,
      String passwordHash,
      Commune commune,
      Locale language,
      Instant createdAt) {
    this.handle = normalizeHandle(handle);
    if (!HANDLE.matcher(this.handle).matches()) {
      throw new IllegalArgumentException("invalid handle");
    }
    if (!validDisplayName(displayName)) {
      throw new IllegalArgumentException("invalid display name");
    }
    this.email = normalizeEmail(email);
    if (!validEmail(this.email)) {
      throw new IllegalArgumentException("invalid email");
    }
    this.displayName = displayName.strip();
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.commune = Objects.requireNonNull(commune);
    this.language = language.getLanguage().equals("en") ? "en" : "fr";
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  public static String normalizeHandle(String handle) {
    return handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
  }

  /** Addresses compare in lower case: one person, one account. */
  public static String normalizeEmail(String email) {
    return EmailAddress.normalize(email);
  }

  public static boolean validEmail(String normalized) {
    return EmailAddress.valid(normalized);
  }

  public static boolean validDisplayName(String displayName) {
    if (displayName == null) {
      return false;
    }
    String name = displayName.strip();
    return name.length() >= 2
        && name.length() <= DISPLAY_NAME_MAX
        && name.codePoints().noneMatch(Character::isISOControl);
  }

  public void emailConfirmed(Instant at) {
    if (emailConfirmedAt == null) {
      emailConfirmedAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  /** A new address, proved by a link sent to it: confirmed at once. */
  public void emailChanged(String newEmail, Instant at) {
    email = normalizeEmail(newEmail);
    emailConfirmedAt = at.atOffset(ZoneOffset.UTC);
  }

  public void passwordChanged(String newHash) {
    passwordHash = Objects.requireNonNull(newHash);
  }

  public void signedIn(Instant at) {
    lastSignInAt = at.atOffset(ZoneOffset.UTC);
  }

  /** The second factor, which the account's services check and change. */
  public TwoFactor twoFactor() {
    if (twoFactor == null) {
      twoFactor = new TwoFactor();
    }
    return twoFactor;
  }

  /** The holder has just proved their second factor (at sign-in). */
  public void secondFactorProved(Instant at) {
    lastSecondFactorAt = at.atOffset(ZoneOffset.UTC);
  }

  /** Whether the second factor was proved since {@code since} (not dormant for that long). */
  public boolean secondFactorProvedSince(Instant since) {
    return lastSecondFactorAt != null && !lastSecondFactorAt.toInstant().isBefore(since);
  }

  /** Why an account is frozen before anything it publishes goes out. */
  public enum FreezeReason {
    BURST,
    LINKS
  }

  /**
   * Counts a publication and tells whether it looks like a hijacked dormant account: an account
   * silent for {@code rules.dormancy()} that wakes up and, within {@code rules.wakeWindow()},
   * publishes more than {@code rules.burst()} times or posts a link.
   *
   * @return the reason to freeze the account, or empty when the publication may go out
   */
  public Optional<FreezeReason> published(Instant at, boolean containsLinks, ActivityRules rules) {
    Instant lastActivity =
        lastPublishedAt == null ? createdAt.toInstant() : lastPublishedAt.toInstant();
    if (lastActivity.isBefore(at.minus(rules.dormancy()))) {
      wokeAt = at.atOffset(ZoneOffset.UTC);
      publicationsSinceWake = 0;
    }
    lastPublishedAt = at.atOffset(ZoneOffset.UTC);
    if (wokeAt == null || wokeAt.toInstant().isBefore(at.minus(rules.wakeWindow()))) {
      return Optional.empty();
    }
    publicationsSinceWake++;
    if (containsLinks) {
      return Optional.of(FreezeReason.LINKS);
    }
    return publicationsSinceWake > rules.burst()
        ? Optional.of(FreezeReason.BURST)
        : Optional.empty();
  }

  /** Thresholds of the dormant-account watch. */
  public record ActivityRules(
      java.time.Duration dormancy, java.time.Duration wakeWindow, int burst) {}

  public void freeze(Instant at) {
    PublicChanges.changed(); // shown on public pages: kept pages go
    if (frozenAt == null) {
      frozenAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  /** Staff reviewed the account and found its holder in control: it publishes again. */
  public void unfreeze() {
    PublicChanges.changed(); // shown on public pages: kept pages go
    frozenAt = null;
    wokeAt = null;
    publicationsSinceWake = 0;
  }

  /** A ban: suspended until a date nobody reaches. */
  public static final Instant BANNED = org.parvis.network.api.MemberSanction.FOREVER;

  /** Suspends the member until then (null lifts it). */
  public void suspendUntil(Instant until) {
    PublicChanges.changed(); // shown on public pages: kept pages go
    suspendedUntil = until == null ? null : until.atOffset(ZoneOffset.UTC);
  }

  public boolean isSuspended(Instant now) {
    return suspendedUntil != null && suspendedUntil.toInstant().isAfter(now);
  }

  /** Moderation hides the profile from others (an offensive name), or shows it again. */
  public void hideProfile(Instant at) {
    PublicChanges.changed(); // shown on public pages: kept pages go
    profileHiddenAt = at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  public boolean isProfileHidden() {
    return profileHiddenAt != null;
  }

  /** The member comes back to public rankings, or leaves them. */
  public void rankings(boolean in, Instant at) {
    PublicChanges.changed(); // shown on public pages: kept pages go
    hiddenFromRankingsAt = in ? null : at.atOffset(ZoneOffset.UTC);
  }

  public boolean inRankings() {
    return hiddenFromRankingsAt == null;
  }

  public boolean isFrozen() {
    return frozenAt != null;
  }

  /** Confirmed and not erased: an erased account's tombstone is nobody's account any more. */
  public boolean isConfirmed() {
    return emailConfirmedAt != null && erasedAt == null;
  }

  /** The digest under which an erased account's handle stays retired (no handle kept in clear). */
  public static String handleDigest(String handle) {
    return org.parvis.kernel.api.security.RecoveryCodes.sha256(normalizeHandle(handle));
  }

  /**
   * The handle readers may see next to the member's contributions, or null once the account is
   * erased: the contributions it kept are then shown unsigned, each on its own, so that nothing
   * ties them to one another (nor, through a small commune, to the person).
   */
  public String publicHandle() {
    return erasedAt == null ? handle : null;
  }

  public Long id() {
    return id;
  }

  public String handle() {
    return handle;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Commune commune() {
    return commune;
  }

  /** When the account was erased (it stays as an anonymous tombstone), or null. */
  public Instant erasedAt() {
    return erasedAt == null ? null : erasedAt.toInstant();
  }

  /**
   * The member's grammatical gender as a message {@code select} reads it: {@code female}, {@code
   * male}, or {@code other} when they did not say (texts then use the inclusive form).
   */
  public String gender() {
    return grammaticalGender().selector();
  }

  public Gender grammaticalGender() {
    return Gender.of(grammaticalGender);
  }

  public void gender(Gender gender) {
    PublicChanges.changed(); // shown on public pages: kept pages go
    this.grammaticalGender = gender.stored();
  }

  /** How the words naming a member agree; {@link #UNSAID} writes the inclusive form. */
  public enum Gender {
    FEMININE("female"),
    MASCULINE("male"),
    UNSAID("other");

    private final String selector;

    Gender(String selector) {
      this.selector = selector;
    }

    /** The value of the message arguments' {@code select}. */
    public String selector() {
      return selector;
    }

    String stored() {
      return this == UNSAID ? null : name();
    }

    /** The gender a stored or submitted value names; anything else is {@link #UNSAID}. */
    public static Gender of(String value) {
      for (Gender g : values()) {
        if (g != UNSAID && g.name().equals(value)) {
          return g;
        }
      }
      return UNSAID;
    }
  }

  public Locale language() {
    return Locale.forLanguageTag(language);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Optional<Instant> lastSignInAt() {
    return Optional.ofNullable(lastSignInAt).map(OffsetDateTime::toInstant);
  }
}
