package org.parvis.network.initiative.entity;

import jakarta.persistence.Column;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.parvis.network.member.entity.MemberAccount;

/** An official's formal, public answer to an initiative, apart from the debate. */
@Entity
@jakarta.persistence.EntityListeners(org.parvis.network.pages.entity.PublicPagesListener.class)
@Table(name = "official_answer")
@NamedQuery(
    name = OfficialAnswer.OF_INITIATIVE,
    query =
        "SELECT a FROM OfficialAnswer a JOIN FETCH a.official WHERE a.initiative = :initiative"
            + " AND a.hiddenAt IS NULL ORDER BY a.answeredAt, a.id")
public class OfficialAnswer {

  public static final String OF_INITIATIVE = "OfficialAnswer.ofInitiative";
  public static final int BODY_MIN = 20;
  public static final int BODY_MAX = 8_000;

  /** Set and cleared by moderation's verdicts (native updates); read-only here. */
  @Column(name = "hidden_at", insertable = false, updatable = false)
  private java.time.OffsetDateTime hiddenAt;

  @Id
  @SequenceGenerator(
      name = "official_answer_id",
      sequenceName = "official_answer_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "official_answer_id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "initiative_id", nullable = false, updatable = false)
  private Initiative initiative;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "official_id", nullable = false, updatable = false)
  private MemberAccount official;

  @Column(name = "mandate_title", nullable = false, updatable = false, length = 120)
  private String mandateTitle;

  @Column(nullable = false, updatable = false, length = BODY_MAX)
  private String body;

  @Column(name = "answered_at", nullable = false, updatable = false)
  private OffsetDateTime answeredAt;

  @Column(name = "delay_seconds", nullable = false, updatable = false)
  private long delaySeconds;

  protected OfficialAnswer() {}

  public OfficialAnswer(
      Initiative initiative,
      MemberAccount official,
      String mandateTitle,
      String body,
      Instant now) {
    this.initiative = Objects.requireNonNull(initiative);
    this.official = Objects.requireNonNull(official);
    this.mandateTitle = Objects.requireNonNull(mandateTitle);
    this.body = Objects.requireNonNull(body).strip();
    this.answeredAt = now.atOffset(ZoneOffset.UTC);
    this.delaySeconds = Math.max(0, Duration.between(initiative.publishedAt(), now).toSeconds());
  }

  public static boolean validBody(String body) {
    return body != null && body.strip().length() >= BODY_MIN && body.strip().length() <= BODY_MAX;
  }

  public Long id() {
    return id;
  }

  public MemberAccount official() {
    return official;
  }

  public String mandateTitle() {
    return mandateTitle;
  }

  public String body() {
    return body;
  }

  public Instant answeredAt() {
    return answeredAt.toInstant();
  }
}
