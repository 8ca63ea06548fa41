package org.parvis.network.initiative.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.territory.entity.Territory;

/**
 * What a member proposes to do for a territory: a title, a description (safe rich text), a theme,
 * an optional signature goal and deadline. It goes out the moment its author publishes it; from
 * then on it can be signed, joined, debated and answered until it is achieved, closed or withdrawn.
 */
@Entity
@jakarta.persistence.EntityListeners(org.parvis.network.pages.entity.PublicPagesListener.class)
@Table(name = "initiative")
@NamedQuery(
    name = Initiative.COUNTERS_OF,
    query =
        "SELECT i FROM Initiative i JOIN FETCH i.author WHERE i.counterOf = :initiative"
            + " AND i.status <> org.parvis.network.initiative.entity.Initiative.Status.DRAFT"
            + " AND i.hiddenAt IS NULL ORDER BY i.signatureCount DESC, i.id")
@NamedQuery(
    name = Initiative.OF_AUTHOR,
    query =
        "SELECT i FROM Initiative i WHERE i.author = :author ORDER BY i.createdAt DESC, i.id DESC")
public class Initiative {

  public static final String COUNTERS_OF = "Initiative.countersOf";
  public static final String OF_AUTHOR = "Initiative.ofAuthor";

  public static final int TITLE_MIN = 10;
  public static final int TITLE_MAX = 140;
  public static final int DESCRIPTION_MIN = 30;
  public static final int DESCRIPTION_MAX = 20_000;
  public static final int GOAL_MAX = 10_000_000;

  /** Where an initiative stands. */
  public enum Status {
    DRAFT,
    PUBLISHED,
    ACHIEVED,
    CLOSED,
    WITHDRAWN;

    /** Signatures, joins and comments are taken only while published. */
    public boolean isOpen() {
      return this == PUBLISHED;
    }
  }

  /** The themes members file initiatives under. */
  public enum Theme {
    ENVIRONMENT,
    TRANSPORT,
    HOUSING,
    EDUCATION,
    HEALTH,
    ECONOMY,
    EMPLOYMENT,
    CULTURE,
    SAFETY,
    DEMOCRACY,
    SOLIDARITY,
    OTHER
  }

  /** How a counter-initiative relates to the one it answers. */
  public enum CounterKind {
    ALTERNATIVE,
    OPPOSITE
  }

  @Id
  @SequenceGenerator(
      name = "initiative_id",
      sequenceName = "initiative_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "initiative_id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "author_id", nullable = false, updatable = false)
  private MemberAccount author;

  @Column(nullable = false, length = TITLE_MAX)
  private String title;

  @Column(nullable = false, length = DESCRIPTION_MAX)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Theme theme;

  @Column(name = "scope_kind", nullable = false, updatable = false, length = 12)
  private String scopeKind;

  @Column(name = "scope_code", updatable = false, length = 5)
  private String scopeCode;

  @Column(name = "scope_name", nullable = false, updatable = false, length = 100)
  private String scopeName;

  @Column(name = "commune_code", updatable = false, length = 5)
  private String communeCode;

  @Column(name = "departement_code", updatable = false, length = 3)
  private String departementCode;

  @Column(name = "region_code", updatable = false, length = 3)
  private String regionCode;

  @Column(name = "signature_goal")
  private Integer signatureGoal;

  private LocalDate deadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Status status;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "counter_of", updatable = false)
  private Initiative counterOf;

  @Enumerated(EnumType.STRING)
  @Column(name = "counter_kind", updatable = false, length = 12)
  private CounterKind counterKind;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  @Column(name = "edited_at")
  private OffsetDateTime editedAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Column(name = "answered_at")
  private OffsetDateTime answeredAt;

  /** When the current image was uploaded (its version in addresses), null without image. */
  @Column(name = "image_at", insertable = false, updatable = false)
  private OffsetDateTime imageAt;

  @Column(name = "last_activity_at", nullable = false)
  private OffsetDateTime lastActivityAt;

  @Column(nullable = false)
  private int revision;

  /** Written only by the tally roll-up (native SQL); read here for lists. */
  @Column(name = "signature_count", nullable = false, insertable = false, updatable = false)
  private int signatureCount;

  /** Set and cleared by moderation's verdicts (native updates); read-only here. */
  @Column(name = "hidden_at", insertable = false, updatable = false)
  private OffsetDateTime hiddenAt;

  @Column(name = "comment_count", nullable = false, insertable = false, updatable = false)
  private int commentCount;

  protected Initiative() {}

  public Initiative(
      MemberAccount author,
      Draft draft,
      Territory territory,
      Initiative counterOf,
      CounterKind counterKind,
      Instant now) {
    this.author = Objects.requireNonNull(author);
    this.scopeKind = territory.kind();
    this.scopeCode = territory.code();
    this.scopeName = territory.name();
    this.communeCode = territory.communeCode();
    this.departementCode = territory.departementCode();
    this.regionCode = territory.regionCode();
    if ((counterOf == null) != (counterKind == null)) {
      throw new IllegalArgumentException("a counter-initiative names what it counters and how");
    }
    this.counterOf = counterOf;
    this.counterKind = counterKind;
    this.status = Status.DRAFT;
    this.createdAt = at(now);
    this.lastActivityAt = at(now);
    this.revision = 1;
    write(draft);
  }

  /**
   * What the author writes; the description is already sanitised HTML, its plain-text length is
   * what the limits count.
   */
  public record Draft(
      String title,
      String description,
      int descriptionLength,
      Theme theme,
      Integer signatureGoal,
      LocalDate deadline) {}

  private void write(Draft draft) {
    this.title = Objects.requireNonNull(draft.title()).strip();
    this.description = Objects.requireNonNull(draft.description());
    this.theme = Objects.requireNonNull(draft.theme());
    this.signatureGoal = draft.signatureGoal();
    this.deadline = draft.deadline();
  }

  /** Publishes a draft: from now on everyone sees it. */
  public boolean publish(Instant now) {
    if (status != Status.DRAFT) {
      return false;
    }
    status = Status.PUBLISHED;
    publishedAt = at(now);
    lastActivityAt = at(now);
    return true;
  }

  /**
   * Rewrites the text. A published initiative keeps its previous version, which the caller stores
   * as an {@link InitiativeRevision} before the change.
   */
  public InitiativeRevision edit(Draft draft, Instant now) {
    var previous = new InitiativeRevision(revision, title, description, writtenAt().toInstant());
    write(draft);
    revision++;
    editedAt = at(now);
    if (status == Status.PUBLISHED) {
      lastActivityAt = at(now);
    }
    return previous;
  }

  /** Ends an open initiative: the author achieved it, closed it or withdrew it. */
  public boolean end(Status outcome, Instant now) {
    if (status != Status.PUBLISHED
        || !(outcome == Status.ACHIEVED
            || outcome == Status.CLOSED
            || outcome == Status.WITHDRAWN)) {
      return false;
    }
    status = outcome;
    endedAt = at(now);
    lastActivityAt = at(now);
    return true;
  }

  public void answered(Instant now) {
    if (answeredAt == null) {
      answeredAt = at(now);
    }
    lastActivityAt = at(now);
  }

  public void active(Instant now) {
    lastActivityAt = at(now);
  }

  /** Published (whatever came after) and not hidden by moderation pending review. */
  public boolean isPublic() {
    return status != Status.DRAFT && hiddenAt == null;
  }

  /** Hidden by moderation pending review: only its author sees it. */
  public boolean isHidden() {
    return hiddenAt != null;
  }

  public boolean isEditableBy(MemberAccount member) {
    return author.equals(member) && (status == Status.DRAFT || status == Status.PUBLISHED);
  }

  /** When this version of the text was written. */
  private OffsetDateTime writtenAt() {
    return editedAt != null ? editedAt : createdAt;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public MemberAccount author() {
    return author;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Theme theme() {
    return theme;
  }

  public Territory territory() {
    return new Territory(scopeKind, scopeCode, scopeName, communeCode, departementCode, regionCode);
  }

  public Integer signatureGoal() {
    return signatureGoal;
  }

  public LocalDate deadline() {
    return deadline;
  }

  public Status status() {
    return status;
  }

  public Initiative counterOf() {
    return counterOf;
  }

  public CounterKind counterKind() {
    return counterKind;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant publishedAt() {
    return publishedAt == null ? null : publishedAt.toInstant();
  }

  public Instant editedAt() {
    return editedAt == null ? null : editedAt.toInstant();
  }

  public Instant answeredAt() {
    return answeredAt == null ? null : answeredAt.toInstant();
  }

  public Instant lastActivityAt() {
    return lastActivityAt.toInstant();
  }

  /** The version of the image in its address, 0 without image. */
  public long imageVersion() {
    return imageAt == null ? 0 : imageAt.toInstant().toEpochMilli();
  }

  public int revision() {
    return revision;
  }

  public int signatureCount() {
    return signatureCount;
  }

  public int commentCount() {
    return commentCount;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Initiative i && id != null && id.equals(i.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
