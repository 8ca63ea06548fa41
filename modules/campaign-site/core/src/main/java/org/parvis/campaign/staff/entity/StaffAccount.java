package org.parvis.campaign.staff.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.TwoFactor;

/** A member of the party's staff who signs in to the console. */
@Entity
@Table(name = "staff_account")
@NamedQuery(
    name = StaffAccount.BY_USERNAME,
    query = "SELECT a FROM StaffAccount a WHERE a.username = :username")
@NamedQuery(name = StaffAccount.COUNT, query = "SELECT COUNT(a) FROM StaffAccount a")
public class StaffAccount {

  public static final String BY_USERNAME = "StaffAccount.byUsername";
  public static final String COUNT = "StaffAccount.count";

  /** Letters, digits, dot, dash, underscore; 3 to 64 characters; stored in lower case. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

  @Id
  @SequenceGenerator(
      name = "staff_account_id",
      sequenceName = "staff_account_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_id")
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false, length = 200)
  private String roles;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_sign_in_at")
  private OffsetDateTime lastSignInAt;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(length = EmailAddress.MAX)
  private String email;

  @Column(name = "disabled_at")
  private OffsetDateTime disabledAt;

  @Column(name = "sessions_from")
  private OffsetDateTime sessionsFrom;

  @Embedded private TwoFactor twoFactor = new TwoFactor();

  protected StaffAccount() {}

  public StaffAccount(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      Instant createdAt) {
    this(username, displayName, null, passwordHash, roles, createdAt);
  }

  /** An account with an email address, where sign-ins from new browsers are reported. */
  public StaffAccount(
      String username,
      String displayName,
      String email,
      String passwordHash,
      Set<Role> roles,
      Instant createdAt) {
    if (email != null && !EmailAddress.valid(EmailAddress.normalize(email))) {
      throw new IllegalArgumentException("invalid email");
    }
    this.email = email == null ? null : EmailAddress.normalize(email);
    this.username = normalize(username);
    if (!USERNAME.matcher(this.username).matches()) {
      throw new IllegalArgumentException("invalid username");
    }
    if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
      throw new IllegalArgumentException("invalid display name");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a staff account has at least one role");
    }
    this.displayName = displayName.strip();
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  public static String normalize(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  public void signedIn(Instant at) {
    lastSignInAt = at.atOffset(ZoneOffset.UTC);
  }

  /** A new hash of the same password, with today's parameters. */
  public void rehashPassword(String newHash) {
    passwordHash = Objects.requireNonNull(newHash);
  }

  /** The holder chose a new password. */
  public void passwordChanged(String newHash) {
    passwordHash = Objects.requireNonNull(newHash);
    mustChangePassword = false;
  }

  /**
   * Sessions of this account signed in before {@code at} are over (its secrets changed); the
   * session that made the change is renewed by the console.
   */
  public void endSessionsBefore(Instant at) {
    sessionsFrom = at.atOffset(ZoneOffset.UTC);
  }

  /** Whether a session signed in at {@code signedInAt} may go on. */
  public boolean sessionStillValid(Instant signedInAt) {
    return sessionsFrom == null || !sessionsFrom.toInstant().isAfter(signedInAt);
  }

  /** The password was handed over by someone else: its holder must replace it. */
  public void requirePasswordChange() {
    mustChangePassword = true;
  }

  /** The holder set a new address for sign-in notices. */
  public void emailChanged(String newEmail) {
    String normalized = EmailAddress.normalize(newEmail);
    if (!EmailAddress.valid(normalized)) {
      throw new IllegalArgumentException("invalid email");
    }
    email = normalized;
  }

  /** New roles, at least one. */
  public void changeRoles(Set<Role> newRoles) {
    if (newRoles.isEmpty()) {
      throw new IllegalArgumentException("a staff account has at least one role");
    }
    roles = newRoles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  public void disable(Instant at) {
    if (disabledAt == null) {
      disabledAt = at.atOffset(ZoneOffset.UTC);
    }
  }

  public void enable() {
    disabledAt = null;
  }

  /** The second factor, which the account's services check and change. */
  public TwoFactor twoFactor() {
    if (twoFactor == null) {
      twoFactor = new TwoFactor();
    }
    return twoFactor;
  }

  public boolean hasTwoFactor() {
    return twoFactor().isOn();
  }

  public boolean isDisabled() {
    return disabledAt != null;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public java.util.Optional<Instant> lastSignInAt() {
    return java.util.Optional.ofNullable(lastSignInAt).map(OffsetDateTime::toInstant);
  }

  public String username() {
    return username;
  }

  public java.util.Optional<String> email() {
    return java.util.Optional.ofNullable(email);
  }

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    var set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
    return set;
  }
}
