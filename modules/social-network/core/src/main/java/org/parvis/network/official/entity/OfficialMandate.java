package org.parvis.network.official.entity;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.parvis.network.member.entity.MemberAccount;

/**
 * An elected mandate a member holds, verified by staff: "Maire de Guéret", for a territory, until
 * an end date. It counts (badge, mandatory second factor) while neither revoked nor expired.
 */
@Entity
@jakarta.persistence.EntityListeners(org.parvis.network.pages.entity.PublicPagesListener.class)
@Table(name = "official_mandate")
@NamedQuery(
    name = OfficialMandate.ACTIVE_OF_MEMBERS,
    query =
        "SELECT o FROM OfficialMandate o JOIN FETCH o.member m WHERE m.handle IN :handles"
            + " AND o.revokedAt IS NULL AND o.endsOn >= :today ORDER BY o.endsOn DESC")
@NamedQuery(
    name = OfficialMandate.ACTIVE_COUNT_OF_MEMBER,
    query =
        "SELECT COUNT(o) FROM OfficialMandate o WHERE o.member = :member"
            + " AND o.revokedAt IS NULL AND o.endsOn >= :today")
@NamedQuery(
    name = OfficialMandate.ACTIVE_AROUND,
    query =
        "SELECT o FROM OfficialMandate o JOIN FETCH o.member WHERE o.revokedAt IS NULL"
            + " AND o.endsOn >= :today AND (o.territoryKind ="
            + " org.parvis.network.official.entity.OfficialMandate.TerritoryKind.NATIONAL"
            + " OR (o.territoryKind ="
            + " org.parvis.network.official.entity.OfficialMandate.TerritoryKind.REGION"
            + " AND o.territoryCode = :region) OR (o.territoryKind ="
            + " org.parvis.network.official.entity.OfficialMandate.TerritoryKind.DEPARTEMENT"
            + " AND o.territoryCode = :departement) OR (o.territoryKind ="
            + " org.parvis.network.official.entity.OfficialMandate.TerritoryKind.COMMUNE"
            + " AND o.territoryCode = :commune))")
@NamedQuery(
    name = OfficialMandate.ACTIVE_OF_MEMBER,
    query =
        "SELECT o FROM OfficialMandate o WHERE o.member = :member"
            + " AND o.revokedAt IS NULL AND o.endsOn >= :today ORDER BY o.id")
public class OfficialMandate {

  public static final String ACTIVE_OF_MEMBERS = "OfficialMandate.activeOfMembers";
  public static final String ACTIVE_COUNT_OF_MEMBER = "OfficialMandate.activeCountOfMember";
  public static final String ACTIVE_AROUND = "OfficialMandate.activeAround";
  public static final String ACTIVE_OF_MEMBER = "OfficialMandate.activeOfMember";

  public static final int TITLE_MAX = 120;

  /** The level of the territory a mandate covers. */
  public enum TerritoryKind {
    COMMUNE,
    DEPARTEMENT,
    REGION,
    NATIONAL
  }

  @Id
  @SequenceGenerator(
      name = "official_mandate_id",
      sequenceName = "official_mandate_id_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "official_mandate_id")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false, updatable = false)
  private MemberAccount member;

  @Column(nullable = false, length = TITLE_MAX)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(name = "territory_kind", nullable = false, updatable = false, length = 12)
  private TerritoryKind territoryKind;

  @Column(name = "territory_code", updatable = false, length = 5)
  private String territoryCode;

  @Column(name = "territory_name", nullable = false, updatable = false, length = 100)
  private String territoryName;

  @Column(name = "ends_on", nullable = false)
  private LocalDate endsOn;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private OffsetDateTime grantedAt;

  @Column(name = "granted_by", nullable = false, updatable = false, length = 64)
  private String grantedBy;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  protected OfficialMandate() {}

  public OfficialMandate(
      MemberAccount member,
      String title,
      TerritoryKind territoryKind,
      String territoryCode,
      String territoryName,
      LocalDate endsOn,
      Instant grantedAt,
      String grantedBy) {
    if (!validTitle(title)) {
      throw new IllegalArgumentException("invalid title");
    }
    if (!endsOn.isAfter(grantedAt.atOffset(ZoneOffset.UTC).toLocalDate())) {
      throw new IllegalArgumentException("a mandate ends after it is granted");
    }
    this.member = Objects.requireNonNull(member);
    this.title = title.strip();
    this.territoryKind = Objects.requireNonNull(territoryKind);
    this.territoryCode = territoryCode;
    this.territoryName = Objects.requireNonNull(territoryName);
    this.endsOn = endsOn;
    this.grantedAt = grantedAt.atOffset(ZoneOffset.UTC);
    this.grantedBy = Objects.requireNonNull(grantedBy);
  }

  public static boolean validTitle(String title) {
    return title != null
        && title.strip().length() >= 3
        && title.strip().length() <= TITLE_MAX
        && title.codePoints().noneMatch(Character::isISOControl);
  }

  /** A new end date (re-election); only a mandate still in force is renewed. */
  public boolean renew(LocalDate newEnd, LocalDate today) {
    if (!isActive(today) || !newEnd.isAfter(today)) {
      return false;
    }
    endsOn = newEnd;
    return true;
  }

  public void revoke(Instant at, String by) {
    if (revokedAt == null) {
      revokedAt = at.atOffset(ZoneOffset.UTC);
      revokedBy = by;
    }
  }

  public boolean isActive(LocalDate today) {
    return revokedAt == null && !endsOn.isBefore(today);
  }

  public Long id() {
    return id;
  }

  public MemberAccount member() {
    return member;
  }

  public String title() {
    return title;
  }

  public TerritoryKind territoryKind() {
    return territoryKind;
  }

  public String territoryCode() {
    return territoryCode;
  }

  /** Whether the mandate's territory contains a territory (a national mandate contains all). */
  public boolean covers(org.parvis.network.territory.entity.Territory territory) {
    return switch (territoryKind) {
      case NATIONAL -> true;
      case REGION -> territoryCode.equals(territory.regionCode());
      case DEPARTEMENT -> territoryCode.equals(territory.departementCode());
      case COMMUNE -> territoryCode.equals(territory.communeCode());
    };
  }

  public String territoryName() {
    return territoryName;
  }

  public LocalDate endsOn() {
    return endsOn;
  }
}
