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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.parvis.network.member.entity.MemberAccount;

/**
 * A contribution to an initiative's debate, plain text, with a stance. Replies go one level deep: a
 * reply to a reply joins its thread. An official's comment is marked and shown first.
 */
@Entity
@jakarta.persistence.EntityListeners(org.parvis.network.pages.entity.PublicPagesListener.class)
@Table(name = "initiative_comment")
@NamedQuery(
    name = Comment.THREADS,
    query =
        "SELECT c FROM Comment c JOIN FETCH c.author LEFT JOIN FETCH c.quoted q"
            + " LEFT JOIN FETCH q.author WHERE c.initiative = :initiative"
            + " AND c.parent IS NULL ORDER BY c.byOfficial DESC, c.createdAt, c.id")
@NamedQuery(
    name = Comment.REPLIES,
    query =
        // The parent is fetched too: grouping replies by thread must not load each parent again.
        "SELECT c FROM Comment c JOIN FETCH c.author JOIN FETCH c.parent LEFT JOIN FETCH c.quoted q"
            + " LEFT JOIN FETCH q.author WHERE c.parent IN :parents"
            + " ORDER BY c.createdAt, c.id")
@NamedQuery(
    name = Comment.THREAD_COUNT,
    query = "SELECT COUNT(c) FROM Comment c WHERE c.initiative = :initiative AND c.parent IS NULL")
public class Comment {

  public static final String THREADS = "Comment.threads";
  public static final String REPLIES = "Comment.replies";
  public static final String THREAD_COUNT = "Comment.threadCount";

  public static final int BODY_MAX = 4_000;

  /** Where the author stands on the initiative. */
  public enum Stance {
    FOR,
    AGAINST,
    NEUTRAL
  }

  @Id
  @SequenceGenerator(
      name = "initiative_comment_id",
      sequenceName = "initiative_comment_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "initiative_comment_id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "initiative_id", nullable = false, updatable = false)
  private Initiative initiative;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "author_id", nullable = false, updatable = false)
  private MemberAccount author;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id", updatable = false)
  private Comment parent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "quoted_id", updatable = false)
  private Comment quoted;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Stance stance;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "by_official", nullable = false, updatable = false)
  private boolean byOfficial;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "edited_at")
  private OffsetDateTime editedAt;

  /** Set and cleared by moderation's verdicts (native updates); read-only here. */
  @Column(name = "hidden_at", insertable = false, updatable = false)
  private OffsetDateTime hiddenAt;

  /** Hidden by moderation pending review: others see a placeholder. */
  public boolean isHidden() {
    return hiddenAt != null;
  }

  protected Comment() {}

  public Comment(
      Initiative initiative,
      MemberAccount author,
      Comment replyTo,
      Comment quoted,
      Stance stance,
      String body,
      boolean byOfficial,
      Instant now) {
    this.initiative = Objects.requireNonNull(initiative);
    this.author = Objects.requireNonNull(author);
    // One level of replies: answering a reply answers its thread.
    this.parent = replyTo == null ? null : replyTo.parent != null ? replyTo.parent : replyTo;
    this.quoted = quoted;
    this.stance = Objects.requireNonNull(stance);
    this.body = Objects.requireNonNull(body).strip();
    this.byOfficial = byOfficial;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public static boolean validBody(String body) {
    return body != null && !body.isBlank() && body.strip().length() <= BODY_MAX;
  }

  /** The author may rewrite a comment within the edit window after posting it. */
  public boolean edit(MemberAccount by, String newBody, Duration window, Instant now) {
    if (!author.equals(by) || createdAt.toInstant().plus(window).isBefore(now)) {
      return false;
    }
    body = newBody.strip();
    editedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  public Long id() {
    return id;
  }

  public Initiative initiative() {
    return initiative;
  }

  public MemberAccount author() {
    return author;
  }

  public Comment parent() {
    return parent;
  }

  public Comment quoted() {
    return quoted;
  }

  public Stance stance() {
    return stance;
  }

  public String body() {
    return body;
  }

  public boolean byOfficial() {
    return byOfficial;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant editedAt() {
    return editedAt == null ? null : editedAt.toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Comment c && id != null && id.equals(c.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
