package org.parvis.moderation.log.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One moderation action as it happened: who did what to which item, when and why. Entries are
 * append-only: the class has no method that changes a stored entry.
 */
@Entity
@Table(name = "moderation_log")
@NamedQuery(
    name = ModerationLogEntry.LATEST,
    query = "SELECT e FROM ModerationLogEntry e ORDER BY e.occurredAt DESC, e.id DESC")
@NamedQuery(
    name = ModerationLogEntry.OF_SUBJECT,
    query =
        "SELECT e FROM ModerationLogEntry e WHERE e.subjectType = :type AND e.subjectId = :id"
            + " ORDER BY e.occurredAt DESC, e.id DESC")
public class ModerationLogEntry {

  public static final String LATEST = "ModerationLogEntry.latest";
  public static final String OF_SUBJECT = "ModerationLogEntry.ofSubject";

  @Id
  @SequenceGenerator(
      name = "moderation_log_id",
      sequenceName = "moderation_log_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_log_id")
  private Long id;

  // OffsetDateTime, not Instant: EclipseLink 4.0 would serialize an Instant into a blob.
  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, updatable = false, length = 100)
  private String actor;

  @NotBlank
  @Size(max = 40)
  @Column(nullable = false, updatable = false, length = 40)
  private String action;

  @NotBlank
  @Size(max = 40)
  @Column(name = "subject_type", nullable = false, updatable = false, length = 40)
  private String subjectType;

  @NotBlank
  @Size(max = 64)
  @Column(name = "subject_id", nullable = false, updatable = false, length = 64)
  private String subjectId;

  @NotBlank
  @Size(max = 2000)
  @Column(nullable = false, updatable = false, length = 2000)
  private String reason;

  protected ModerationLogEntry() {}

  public ModerationLogEntry(
      Instant occurredAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String reason) {
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").atOffset(ZoneOffset.UTC);
    this.actor = requireText(actor, "actor");
    this.action = requireText(action, "action");
    this.subjectType = requireText(subjectType, "subjectType");
    this.subjectId = requireText(subjectId, "subjectId");
    this.reason = requireText(reason, "reason");
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String reason() {
    return reason;
  }
}
