package org.parvis.network.official.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parvis.network.api.Officials;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberSecurityEvent;
import org.parvis.network.official.entity.OfficialMandate;
import org.parvis.network.official.entity.OfficialMandate.TerritoryKind;
import org.parvis.network.territory.entity.Commune;

/**
 * Verified officials on the network database, for the console and for every page that shows
 * members.
 */
@ApplicationScoped
@Transactional
public class OfficialRegistry implements Officials {

  static final int MAX_PAGE = 100;

  /** Mandates begin and end on Paris calendar days. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject jakarta.enterprise.event.Event<MandateInForce> inForce;

  Clock clock = Clock.systemUTC();

  @Override
  public List<Mandate> list(int first, int size) {
    return list(Filter.ALL, first, size);
  }

  @Override
  public List<Mandate> list(Filter filter, int first, int size) {
    String order =
        switch (filter.order() == null ? Order.END : filter.order()) {
          case TERRITORY -> " ORDER BY o.territoryName, o.endsOn, o.id";
          case NAME -> " ORDER BY o.member.displayName, o.member.handle, o.id";
          case END -> " ORDER BY o.endsOn, o.id";
        };
    var query =
        em.createQuery(
            "SELECT o FROM OfficialMandate o JOIN FETCH o.member" + where(filter) + order,
            OfficialMandate.class);
    bind(query, filter);
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultStream()
        .map(OfficialRegistry::mandate)
        .toList();
  }

  @Override
  public long count(Filter filter) {
    var query =
        em.createQuery("SELECT COUNT(o) FROM OfficialMandate o" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  /** The JPQL conditions of a filter (its values bound by {@link #bind}). */
  private static String where(Filter filter) {
    return " WHERE o.revokedAt IS NULL AND o.endsOn >= :since"
        + (search(filter) == null
            ? ""
            : " AND (LOWER(o.member.handle) LIKE :search OR LOWER(o.member.displayName) LIKE"
                + " :search OR LOWER(o.title) LIKE :search OR LOWER(o.territoryName) LIKE :search)")
        + (kind(filter) == null ? "" : " AND o.territoryKind = :kind");
  }

  private void bind(jakarta.persistence.TypedQuery<?> query, Filter filter) {
    query.setParameter("since", today());
    if (search(filter) != null) {
      query.setParameter("search", search(filter));
    }
    if (kind(filter) != null) {
      query.setParameter("kind", kind(filter));
    }
  }

  private static String search(Filter filter) {
    return org.parvis.kernel.api.sql.Rows.containing(filter.search());
  }

  private static OfficialMandate.TerritoryKind kind(Filter filter) {
    return java.util.Arrays.stream(OfficialMandate.TerritoryKind.values())
        .filter(kind -> kind.name().equals(filter.territoryKind()))
        .findFirst()
        .orElse(null);
  }

  @Override
  @Transactional
  public Optional<String> grant(
      String grantedBy,
      String handle,
      String title,
      String territoryKind,
      String territoryCode,
      LocalDate endsOn) {
    // Read here, not through the member side's controls: they ask this registry who is official.
    var member =
        em.createNamedQuery(MemberAccount.BY_HANDLE, MemberAccount.class)
            .setParameter("handle", MemberAccount.normalizeHandle(handle))
            .getResultStream()
            .filter(MemberAccount::isConfirmed)
            .findFirst();
    if (member.isEmpty()) {
      return Optional.of("official.member.unknown");
    }
    if (!OfficialMandate.validTitle(title)) {
      return Optional.of("official.title.invalid");
    }
    if (endsOn == null || !endsOn.isAfter(today()) || endsOn.isAfter(today().plusYears(7))) {
      return Optional.of("official.end.invalid");
    }
    TerritoryKind kind;
    try {
      kind = TerritoryKind.valueOf(String.valueOf(territoryKind).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.of("official.territory.invalid");
    }
    String code = territoryCode == null ? "" : territoryCode.strip().toUpperCase(Locale.ROOT);
    var territoryName = territoryName(kind, code);
    if (territoryName.isEmpty()) {
      return Optional.of("official.territory.invalid");
    }
    var now = clock.instant();
    var mandate =
        new OfficialMandate(
            member.get(),
            title,
            kind,
            kind == TerritoryKind.NATIONAL ? null : code,
            territoryName.get(),
            endsOn,
            now,
            grantedBy);
    em.persist(mandate);
    em.flush();
    inForce.fire(new MandateInForce(mandate.id()));
    em.persist(
        new MemberSecurityEvent(
            member.get(), now, MemberSecurityEvent.Kind.MANDATE_GRANTED, null, title.strip()));
    return Optional.empty();
  }

  @Override
  @Transactional
  public Optional<String> renew(String staff, long mandateId, LocalDate newEnd) {
    var mandate = em.find(OfficialMandate.class, mandateId);
    if (mandate == null) {
      return Optional.of("official.unknown");
    }
    if (newEnd == null || newEnd.isAfter(today().plusYears(7)) || !mandate.renew(newEnd, today())) {
      return Optional.of("official.end.invalid");
    }
    inForce.fire(new MandateInForce(mandate.id()));
    return Optional.empty();
  }

  @Override
  @Transactional
  public Optional<String> revoke(String staff, long mandateId) {
    var mandate = em.find(OfficialMandate.class, mandateId);
    if (mandate == null) {
      return Optional.of("official.unknown");
    }
    mandate.revoke(clock.instant(), staff);
    em.persist(
        new MemberSecurityEvent(
            mandate.member(),
            clock.instant(),
            MemberSecurityEvent.Kind.MANDATE_REVOKED,
            null,
            mandate.title()));
    return Optional.empty();
  }

  @Override
  public Map<String, List<String>> badges(Collection<String> handles) {
    if (handles.isEmpty()) {
      return Map.of();
    }
    var badges = new LinkedHashMap<String, List<String>>();
    em.createNamedQuery(OfficialMandate.ACTIVE_OF_MEMBERS, OfficialMandate.class)
        .setParameter("handles", handles.stream().map(MemberAccount::normalizeHandle).toList())
        .setParameter("today", today())
        .getResultStream()
        .forEach(
            o ->
                badges
                    .computeIfAbsent(o.member().handle(), h -> new java.util.ArrayList<>())
                    .add(o.title()));
    return badges;
  }

  /** Whether the member holds a mandate in force today. */
  public boolean isOfficial(MemberAccount member) {
    return em.createNamedQuery(OfficialMandate.ACTIVE_COUNT_OF_MEMBER, Long.class)
            .setParameter("member", member)
            .setParameter("today", today())
            .getSingleResult()
        > 0;
  }

  /**
   * The mandates in force whose territory contains the given one: its commune, département and
   * région, and the national ones.
   */
  public List<OfficialMandate> around(org.parvis.network.territory.entity.Territory territory) {
    return em.createNamedQuery(OfficialMandate.ACTIVE_AROUND, OfficialMandate.class)
        .setParameter("today", today())
        .setParameter("region", String.valueOf(territory.regionCode()))
        .setParameter("departement", String.valueOf(territory.departementCode()))
        .setParameter("commune", String.valueOf(territory.communeCode()))
        .getResultList();
  }

  /**
   * The mandates in force that cover this territory: its own officials first, then those of the
   * territories above it (a commune is covered by its département's, its région's and the national
   * officials), each level by title. What the territory's page and API list.
   */
  public List<Mandate> ofTerritory(org.parvis.network.territory.entity.Territory territory) {
    var level = TerritoryKind.valueOf(territory.kind());
    return around(territory).stream()
        .filter(o -> o.territoryKind().ordinal() >= level.ordinal())
        .sorted(
            java.util.Comparator.comparing(OfficialMandate::territoryKind)
                .thenComparing(OfficialMandate::title)
                .thenComparing(OfficialMandate::id))
        .limit(MAX_PAGE)
        .map(OfficialRegistry::mandate)
        .toList();
  }

  /** The member's mandates in force. */
  public List<OfficialMandate> mandatesOf(MemberAccount member) {
    return em.createNamedQuery(OfficialMandate.ACTIVE_OF_MEMBER, OfficialMandate.class)
        .setParameter("member", member)
        .setParameter("today", today())
        .getResultList();
  }

  private static Mandate mandate(OfficialMandate o) {
    return new Mandate(
        o.id(),
        o.member().handle(),
        o.member().displayName(),
        o.title(),
        o.territoryKind().name(),
        o.territoryName(),
        o.endsOn());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PARIS));
  }

  private Optional<String> territoryName(TerritoryKind kind, String code) {
    return switch (kind) {
      case NATIONAL -> Optional.of("France");
      case COMMUNE ->
          code.matches("[0-9AB]{5}")
              ? Optional.ofNullable(em.find(Commune.class, code)).map(Commune::name)
              : Optional.empty();
      case DEPARTEMENT -> name("territory_departement", code);
      case REGION -> name("territory_region", code);
    };
  }

  private Optional<String> name(String table, String code) {
    if (!code.matches("[0-9AB]{1,3}")) {
      return Optional.empty();
    }
    return em.createNativeQuery("SELECT name FROM " + table + " WHERE code = ?")
        .setParameter(1, code)
        .getResultStream()
        .findFirst()
        .map(String.class::cast);
  }
}
