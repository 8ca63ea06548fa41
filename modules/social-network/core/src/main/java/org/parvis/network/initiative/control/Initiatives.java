package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.media.Images;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.initiative.entity.Initiative;
import org.parvis.network.initiative.entity.Initiative.CounterKind;
import org.parvis.network.initiative.entity.Initiative.Draft;
import org.parvis.network.initiative.entity.Initiative.Status;
import org.parvis.network.initiative.entity.Initiative.Theme;
import org.parvis.network.initiative.entity.InitiativeRevision;
import org.parvis.network.member.control.DormantAccountWatch;
import org.parvis.network.member.control.DormantAccountWatch.Verdict;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.ranking.control.Ledger;
import org.parvis.network.ranking.control.Ranking;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Territory;

/**
 * Members' initiatives: proposing (as a draft or published at once, with no prior moderation),
 * editing with a visible history, ending, counter-initiatives, and the lists and search that find
 * them. Every publication or edit goes past the dormant-account watch first.
 */
@ApplicationScoped
@Transactional
public class Initiatives {

  public static final int PAGE_SIZE = 20;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject org.parvis.network.member.control.Members members;

  @Inject TerritoryDirectory territories;
  @Inject DormantAccountWatch watch;
  @Inject OfficialRouting routing;
  @Inject Notifications notifications;
  @Inject jakarta.enterprise.event.Event<org.parvis.network.api.ContentPublished> publications;
  @Inject org.parvis.network.follow.control.Follows follows;
  @Inject Timeline timeline;
  @Inject Ledger ledger;

  Clock clock = Clock.systemUTC();

  /** What the author filled in; the description is HTML, sanitised here. */
  public record Proposal(
      String title,
      String description,
      String theme,
      String territoryKind,
      String territoryCode,
      Integer signatureGoal,
      LocalDate deadline,
      Long counterOf,
      String counterKind) {}

  /** The id of the initiative, or the problems found, field → message key. */
  public record Outcome(Long id, Map<String, String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    static Outcome problem(String field, String key) {
      return new Outcome(null, Map.of(field, key));
    }
  }

  @Transactional
  public Outcome propose(String handle, Proposal proposal, boolean publish, String address) {
    var author = members.confirmed(handle);
    if (author.isEmpty()) {
      return Outcome.problem("global", "initiative.member.unknown");
    }
    var problems = new LinkedHashMap<String, String>();
    var draft = draft(proposal, problems);
    var territory = territories.resolve(proposal.territoryKind(), proposal.territoryCode());
    if (territory.isEmpty()) {
      problems.put("territory", "initiative.territory.invalid");
    }
    Initiative countered = null;
    CounterKind counterKind = null;
    if (proposal.counterOf() != null) {
      countered = em.find(Initiative.class, proposal.counterOf());
      if (countered == null || !countered.isPublic()) {
        problems.put("global", "initiative.counter.unknown");
      }
      try {
        counterKind =
            CounterKind.valueOf(String.valueOf(proposal.counterKind()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.put("counterKind", "initiative.counterKind.invalid");
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome(null, problems);
    }
    Instant now = clock.instant();
    if (publish) {
      var refused = mayPublish(handle, draft, address);
      if (refused.isPresent()) {
        return Outcome.problem("global", refused.get());
      }
    }
    var initiative =
        new Initiative(author.get(), draft, territory.get(), countered, counterKind, now);
    if (publish) {
      initiative.publish(now);
    }
    em.persist(initiative);
    em.flush();
    follows.follow(author.get().id(), "INITIATIVE", initiative.id().toString(), now);
    if (publish) {
      published(initiative, now);
    }
    return new Outcome(initiative.id(), Map.of());
  }

  /** The problems of what the author wrote (title, description, theme, goal, deadline) alone. */
  public Map<String, String> problems(Proposal proposal) {
    var problems = new LinkedHashMap<String, String>();
    draft(proposal, problems);
    return problems;
  }

  /** Publishes the author's draft. */
  @Transactional
  public Optional<String> publish(String handle, long id, String address) {
    var initiative = own(handle, id);
    if (initiative.isEmpty() || initiative.get().status() != Status.DRAFT) {
      return Optional.of("initiative.not-yours");
    }
    var i = initiative.get();
    var refused =
        mayPublish(
            handle,
            new Draft(i.title(), i.description(), 0, i.theme(), i.signatureGoal(), i.deadline()),
            address);
    if (refused.isPresent()) {
      return refused;
    }
    Instant now = clock.instant();
    i.publish(now);
    published(i, now);
    return Optional.empty();
  }

  /** Rewrites an initiative; a published one keeps its earlier text in the visible history. */
  @Transactional
  public Map<String, String> edit(String handle, long id, Proposal proposal, String address) {
    var initiative = own(handle, id);
    if (initiative.isEmpty()) {
      return Map.of("global", "initiative.not-yours");
    }
    var problems = new LinkedHashMap<String, String>();
    var draft = draft(proposal, problems);
    if (!problems.isEmpty()) {
      return problems;
    }
    var i = initiative.get();
    if (i.status() == Status.PUBLISHED) {
      var refused = mayPublish(handle, draft, address);
      if (refused.isPresent()) {
        return Map.of("global", refused.get());
      }
    }
    Instant now = clock.instant();
    boolean published = i.status() == Status.PUBLISHED;
    InitiativeRevision previous = i.edit(draft, now);
    if (published) {
      em.createNativeQuery(
              "INSERT INTO initiative_revision (initiative_id, revision, title, description,"
                  + " written_at) VALUES (?, ?, ?, ?, ?)")
          .setParameter(1, i.id())
          .setParameter(2, previous.revision())
          .setParameter(3, previous.title())
          .setParameter(4, previous.description())
          .setParameter(5, previous.writtenAt().atOffset(ZoneOffset.UTC))
          .executeUpdate();
      index(i);
      timeline.record(i.id(), Timeline.Kind.EDITED, (long) i.revision(), now);
      publications.fire(
          new org.parvis.network.api.ContentPublished("INITIATIVE", i.id(), i.id(), true, now));
    }
    return Map.of();
  }

  /** The author ends their initiative: ACHIEVED, CLOSED or WITHDRAWN. */
  @Transactional
  public Optional<String> end(String handle, long id, String outcome) {
    var initiative = own(handle, id);
    Status status;
    try {
      status = Status.valueOf(String.valueOf(outcome).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.of("initiative.status.invalid");
    }
    Instant now = clock.instant();
    var i = initiative.orElse(null);
    if (i == null || !i.end(status, now)) {
      return Optional.of("initiative.not-yours");
    }
    timeline.record(i.id(), Timeline.Kind.valueOf(status.name()), null, now);
    if (status == Status.ACHIEVED) {
      ledger.record(i.id(), i.author().id(), 0, i.author().id(), Ranking.ACHIEVED);
    }
    return Optional.empty();
  }

  /**
   * Sets the image of the author's initiative, already cleaned by {@code Images.clean} (the page
   * does it before anything is saved, so that a refused file loses no text).
   */
  @Transactional
  public Optional<String> setImage(String handle, long id, Images.Cleaned image) {
    var initiative = own(handle, id);
    if (initiative.isEmpty()) {
      return Optional.of("initiative.not-yours");
    }
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    em.createNativeQuery("DELETE FROM initiative_image WHERE initiative_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO initiative_image (initiative_id, content_type, width, height, bytes,"
                + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, image.contentType())
        .setParameter(3, image.width())
        .setParameter(4, image.height())
        .setParameter(5, image.bytes())
        .setParameter(6, now)
        .executeUpdate();
    em.createNativeQuery("UPDATE initiative SET image_at = ? WHERE id = ?")
        .setParameter(1, now)
        .setParameter(2, id)
        .executeUpdate();
    return Optional.empty();
  }

  /** A stored image and its version. */
  public record StoredImage(byte[] bytes, String contentType, long version) {}

  /** The image of a public initiative, if it has one. */
  public Optional<StoredImage> image(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.bytes, m.content_type, m.uploaded_at FROM initiative_image m"
                    + " JOIN initiative i ON i.id = m.initiative_id"
                    + " WHERE m.initiative_id = ? AND i.status <> 'DRAFT' AND i.hidden_at IS NULL")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new StoredImage((byte[]) r[0], (String) r[1], Rows.instant(r[2]).toEpochMilli()));
  }

  /** Closes the published initiatives whose deadline has passed (Paris time). */
  @Transactional
  public int closeExpired() {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    return em.createNativeQuery(
            "UPDATE initiative SET status = 'CLOSED', ended_at = ?, last_activity_at = ?"
                + " WHERE status = 'PUBLISHED' AND deadline < ?")
        .setParameter(1, now)
        .setParameter(2, now)
        .setParameter(3, LocalDate.now(clock.withZone(PARIS)))
        .executeUpdate();
  }

  private void published(Initiative initiative, Instant now) {
    publications.fire(
        new org.parvis.network.api.ContentPublished(
            "INITIATIVE", initiative.id(), initiative.id(), false, now));
    index(initiative);
    routing.route(initiative, now);
    timeline.record(initiative.id(), Timeline.Kind.PUBLISHED, null, now);
    long author = initiative.author().id();
    ledger.record(initiative.id(), author, Ranking.PUBLISH, author, Ranking.PUBLISHED);
    if (initiative.counterOf() != null) {
      initiative.counterOf().active(now);
      timeline.record(initiative.counterOf().id(), Timeline.Kind.COUNTER, initiative.id(), now);
      notifications.notifyFollowers(
          initiative.counterOf().id(), Notifications.Kind.COUNTER, initiative.author().id(), now);
    }
  }

  private Optional<String> mayPublish(String handle, Draft draft, String address) {
    Verdict verdict = watch.beforePublishing(handle, address, draft.title(), draft.description());
    return verdict == Verdict.UNKNOWN
        ? Optional.of("initiative.member.unknown")
        : verdict.refusal();
  }

  /** Replaces the search words of an initiative. */
  private void index(Initiative initiative) {
    em.createNativeQuery("DELETE FROM initiative_word WHERE initiative_id = ?")
        .setParameter(1, initiative.id())
        .executeUpdate();
    var words =
        SearchWords.of(
            initiative.title()
                + " "
                + SafeHtml.plainText(initiative.description())
                + " "
                + initiative.territory().name());
    for (String word : words) {
      em.createNativeQuery("INSERT INTO initiative_word (word, initiative_id) VALUES (?, ?)")
          .setParameter(1, word)
          .setParameter(2, initiative.id())
          .executeUpdate();
    }
  }

  private Draft draft(Proposal p, Map<String, String> problems) {
    String title = p.title() == null ? "" : p.title().strip();
    if (title.length() < Initiative.TITLE_MIN || title.length() > Initiative.TITLE_MAX) {
      problems.put("title", "initiative.title.invalid");
    }
    String description = SafeHtml.sanitize(p.description());
    int length = SafeHtml.plainText(description).length();
    if (length < Initiative.DESCRIPTION_MIN || description.length() > Initiative.DESCRIPTION_MAX) {
      problems.put("description", "initiative.description.invalid");
    }
    Theme theme = null;
    try {
      theme = Theme.valueOf(String.valueOf(p.theme()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.put("theme", "initiative.theme.invalid");
    }
    if (p.signatureGoal() != null
        && (p.signatureGoal() < 1 || p.signatureGoal() > Initiative.GOAL_MAX)) {
      problems.put("signatureGoal", "initiative.goal.invalid");
    }
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    if (p.deadline() != null
        && (!p.deadline().isAfter(today) || p.deadline().isAfter(today.plusYears(2)))) {
      problems.put("deadline", "initiative.deadline.invalid");
    }
    return new Draft(title, description, length, theme, p.signatureGoal(), p.deadline());
  }

  /** An initiative as its page shows it; counts are exact. */
  public record View(
      long id,
      String title,
      String description,
      String theme,
      String status,
      Territory territory,
      Integer signatureGoal,
      LocalDate deadline,
      String authorHandle,
      String authorName,
      Instant createdAt,
      Instant publishedAt,
      Instant editedAt,
      Instant answeredAt,
      int revision,
      Summary counterOf,
      String counterKind,
      long imageVersion,
      boolean hidden) {

    public boolean open() {
      return Status.PUBLISHED.name().equals(status);
    }

    public boolean draft() {
      return Status.DRAFT.name().equals(status);
    }
  }

  /** An initiative in a list; the signature count may lag a few seconds behind. */
  public record Summary(
      long id,
      String title,
      String theme,
      String status,
      String territoryName,
      String authorHandle,
      String authorName,
      Instant publishedAt,
      int signatures,
      Integer signatureGoal,
      boolean answered,
      String counterKind) {

    /** Share of the goal reached, 0–100, for a progress bar. */
    public int percent() {
      return signatureGoal == null || signatureGoal == 0
          ? 0
          : (int) Math.min(100, signatures * 100L / signatureGoal);
    }
  }

  /**
   * The initiative with the given id: public ones for everybody, drafts for their author only
   * ({@code viewer} may be null).
   */
  public Optional<View> view(long id, String viewer) {
    var found =
        em.createQuery(
                "SELECT i FROM Initiative i JOIN FETCH i.author LEFT JOIN FETCH i.counterOf"
                    + " WHERE i.id = :id",
                Initiative.class)
            .setParameter("id", id)
            .getResultStream()
            .findFirst()
            .filter(
                i ->
                    i.isPublic()
                        || (viewer != null
                            && i.author().handle().equals(MemberAccount.normalizeHandle(viewer))));
    return found.map(
        i ->
            new View(
                i.id(),
                i.title(),
                i.description(),
                i.theme().name(),
                i.status().name(),
                i.territory(),
                i.signatureGoal(),
                i.deadline(),
                i.author().publicHandle(),
                i.author().displayName(),
                i.createdAt(),
                i.publishedAt(),
                i.editedAt(),
                i.answeredAt(),
                i.revision(),
                i.counterOf() == null ? null : summary(i.counterOf(), i.counterOf().author()),
                i.counterKind() == null ? null : i.counterKind().name(),
                i.imageVersion(),
                i.isHidden()));
  }

  /** The counter-initiatives of an initiative, most signed first. */
  public List<Summary> counters(long id) {
    var initiative = em.getReference(Initiative.class, id);
    return em.createNamedQuery(Initiative.COUNTERS_OF, Initiative.class)
        .setParameter("initiative", initiative)
        .setMaxResults(PAGE_SIZE)
        .getResultStream()
        .map(i -> summary(i, i.author()))
        .toList();
  }

  /** Earlier versions, newest first. */
  public List<InitiativeRevision> revisions(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT revision, title, description, written_at FROM initiative_revision"
                    + " WHERE initiative_id = ? ORDER BY revision DESC"
                    + Rows.page(0, 50))
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new InitiativeRevision(
                    ((Number) r[0]).intValue(), (String) r[1], (String) r[2], Rows.instant(r[3])))
        .toList();
  }

  /**
   * What a list shows: territory, theme, status, words, all optional, and the order: {@code new}
   * (default), {@code signed}, {@code active}, {@code hot}, {@code top} over a {@code period}
   * ({@code week}: the last 7 days, {@code month}: the last 30, otherwise all time) or {@code near}
   * the commune {@code near} (see {@code Ranking} for the formulas).
   */
  public record Filter(
      String territoryKind,
      String territoryCode,
      String theme,
      String status,
      String sort,
      String words,
      String period,
      String near) {

    public Filter(
        String territoryKind,
        String territoryCode,
        String theme,
        String status,
        String sort,
        String words) {
      this(territoryKind, territoryCode, theme, status, sort, words, null, null);
    }

    public static Filter all() {
      return new Filter(null, null, null, null, null, null);
    }

    private static final java.util.Set<String> STATUSES =
        java.util.Set.of("open", "achieved", "closed", "all");
    private static final java.util.Set<String> SORTS =
        java.util.Set.of("new", "signed", "active", "hot", "top", "near");
    private static final java.util.Set<String> PERIODS = java.util.Set.of("week", "month", "all");

    /**
     * The parameters whose value the list does not know ({@code theme}, {@code statut}, {@code
     * tri}, {@code periode}), by their name in addresses: the API answers 400, pages say it.
     */
    public List<String> unknown() {
      var unknown = new ArrayList<String>();
      if (given(theme)
          && java.util.Arrays.stream(Theme.values())
              .noneMatch(t -> t.name().equalsIgnoreCase(theme.strip()))) {
        unknown.add("theme");
      }
      if (given(status) && !STATUSES.contains(status.strip().toLowerCase(Locale.ROOT))) {
        unknown.add("statut");
      }
      if (given(sort) && !SORTS.contains(sort)) {
        unknown.add("tri");
      }
      if (given(period) && !PERIODS.contains(period)) {
        unknown.add("periode");
      }
      return unknown;
    }

    private static boolean given(String value) {
      return value != null && !value.isBlank();
    }
  }

  /** One page of a list; {@code more} tells whether a next page exists. */
  public record Page(List<Summary> items, int number, boolean more) {}

  /**
   * A page of initiatives (page numbers start at 0). Two statements (three when words are
   * searched): the ids of the page in their order, each sort backed by an index, then the
   * initiatives with their authors.
   */
  public Page list(Filter filter, int pageNumber) {
    int page = Math.max(0, Math.min(pageNumber, 500));
    var ids = pageIds(filter, page);
    var items = summaries(ids.stream().limit(PAGE_SIZE).toList());
    return new Page(items, page, ids.size() > PAGE_SIZE);
  }

  /** An initiative as a feed shows it: its summary, the start of its text, its last change. */
  public record Syndicated(Summary summary, String excerpt, Instant updatedAt) {}

  /** The first page of a list, with the start of each text, for a feed. */
  public List<Syndicated> syndicated(Filter filter) {
    var ids = pageIds(filter, 0).stream().limit(PAGE_SIZE).toList();
    return loaded(
        ids,
        i ->
            new Syndicated(
                summary(i, i.author()),
                excerpt(i.description()),
                i.editedAt() == null ? i.publishedAt() : i.editedAt()));
  }

  /** The start of a text without its markup, at most 400 characters. */
  public static String excerpt(String html) {
    String text = SafeHtml.plainText(html).strip();
    return text.length() <= 400 ? text : text.substring(0, 399).strip() + "…";
  }

  /** Up to a page and one ids in the list's order (the one more tells a next page exists). */
  private List<Long> pageIds(Filter filter, int page) {
    var where = new StringBuilder(" WHERE i.hidden_at IS NULL AND i.status IN (");
    var parameters = new ArrayList<Object>();
    var statuses = statuses(filter.status());
    where.append(String.join(", ", statuses.stream().map(x -> "?").toList())).append(")");
    statuses.forEach(st -> parameters.add(st.name()));
    if (filter.theme() != null && !filter.theme().isBlank()) {
      try {
        parameters.add(Theme.valueOf(filter.theme().strip().toUpperCase(Locale.ROOT)).name());
        where.append(" AND i.theme = ?");
      } catch (IllegalArgumentException e) {
        return List.of();
      }
    }
    if (filter.territoryKind() != null && !filter.territoryKind().isBlank()) {
      var territory = territories.resolve(filter.territoryKind(), filter.territoryCode());
      if (territory.isEmpty()) {
        return List.of();
      }
      var t = territory.get();
      switch (t.kind()) {
        case "COMMUNE" -> where.append(" AND i.commune_code = ?");
        case "DEPARTEMENT" -> where.append(" AND i.departement_code = ?");
        case "REGION" -> where.append(" AND i.region_code = ?");
        default -> where.append(" AND i.scope_kind = 'NATIONAL'");
      }
      if (t.code() != null) {
        parameters.add(t.code());
      }
    }
    if (filter.words() != null && !filter.words().isBlank()) {
      var found = searched(filter.words());
      if (found.isEmpty()) {
        return List.of();
      }
      where
          .append(" AND i.id IN (")
          .append(String.join(", ", found.stream().map(String::valueOf).toList()))
          .append(")");
    }
    String sort = filter.sort() == null ? "" : filter.sort();
    Territory near = "near".equals(sort) ? nearTerritory(filter.near()) : null;
    if (near != null) {
      return nearIds(where.toString(), parameters, near, page);
    }
    String order =
        switch (sort) {
          case "signed" -> " ORDER BY i.signature_count DESC, i.id DESC";
          case "active" -> " ORDER BY i.last_activity_at DESC, i.id DESC";
          case "hot", "near" -> " ORDER BY i.hot DESC, i.id DESC";
          case "top" ->
              switch (filter.period() == null ? "" : filter.period()) {
                case "week" -> " ORDER BY i.points_week DESC, i.id DESC";
                case "month" -> " ORDER BY i.points_month DESC, i.id DESC";
                default -> " ORDER BY i.points DESC, i.id DESC";
              };
          default -> " ORDER BY i.published_at DESC, i.id DESC";
        };
    return ids(where + order, parameters, page * PAGE_SIZE, PAGE_SIZE + 1);
  }

  /**
   * "Near me": the commune's initiatives, then the rest of the département, of the région, then the
   * national ones, each by hot score. One indexed query per ring, each asked only for the rows the
   * page still needs (a ring that has fewer than the rows to skip is skipped whole).
   */
  private List<Long> nearIds(String where, List<Object> parameters, Territory near, int page) {
    var rings = new ArrayList<Map.Entry<String, List<Object>>>();
    rings.add(Map.entry(" AND i.commune_code = ?", List.of(near.communeCode())));
    rings.add(
        Map.entry(
            " AND i.departement_code = ? AND (i.commune_code IS NULL OR i.commune_code <> ?)",
            List.of(near.departementCode(), near.communeCode())));
    rings.add(
        Map.entry(
            " AND i.region_code = ? AND (i.departement_code IS NULL OR i.departement_code <> ?)",
            List.of(near.regionCode(), near.departementCode())));
    rings.add(Map.entry(" AND i.scope_kind = 'NATIONAL'", List.of()));
    int skip = page * PAGE_SIZE;
    int needed = PAGE_SIZE + 1;
    var found = new ArrayList<Long>();
    for (var ring : rings) {
      var values = new ArrayList<>(parameters);
      values.addAll(ring.getValue());
      var ids =
          ids(where + ring.getKey() + " ORDER BY i.hot DESC, i.id DESC", values, 0, skip + needed);
      if (ids.size() <= skip) {
        skip -= ids.size();
        continue;
      }
      var taken = ids.subList(skip, Math.min(ids.size(), skip + needed));
      found.addAll(taken);
      needed -= taken.size();
      skip = 0;
      if (needed == 0) {
        break;
      }
    }
    return found;
  }

  /**
   * Ids of initiatives, with the LIMIT in the SQL itself (EclipseLink pages native queries on the
   * JDBC side only, which would leave PostgreSQL planning for every row).
   */
  private List<Long> ids(String whereAndOrder, List<Object> parameters, int offset, int limit) {
    var query =
        em.createNativeQuery(
            "SELECT i.id FROM initiative i"
                + whereAndOrder
                + " LIMIT "
                + limit
                + " OFFSET "
                + offset);
    for (int n = 0; n < parameters.size(); n++) {
      query.setParameter(n + 1, parameters.get(n));
    }
    @SuppressWarnings("unchecked")
    List<Number> ids = query.getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  /** The initiatives with these ids, with their authors, in the order given: one statement. */
  public List<Summary> summaries(List<Long> ids) {
    return loaded(ids, i -> summary(i, i.author()));
  }

  private <T> List<T> loaded(List<Long> ids, java.util.function.Function<Initiative, T> view) {
    if (ids.isEmpty()) {
      return List.of();
    }
    var found = new java.util.HashMap<Long, T>();
    em.createQuery(
            "SELECT i FROM Initiative i JOIN FETCH i.author WHERE i.id IN :ids", Initiative.class)
        .setParameter("ids", ids)
        .getResultStream()
        .forEach(i -> found.put(i.id(), view.apply(i)));
    return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
  }

  /** Ids of initiatives holding every word (at most 8 words, 1,000 matches). */
  private List<Long> searched(String text) {
    var words = new ArrayList<>(SearchWords.of(text));
    if (words.isEmpty()) {
      return List.of();
    }
    words = new ArrayList<>(words.subList(0, Math.min(words.size(), 8)));
    var search =
        em.createNativeQuery(
            "SELECT initiative_id FROM initiative_word WHERE word IN ("
                + String.join(", ", words.stream().map(w -> "?").toList())
                + ") GROUP BY initiative_id HAVING COUNT(*) = "
                + words.size()
                + " ORDER BY initiative_id DESC LIMIT 1000");
    for (int w = 0; w < words.size(); w++) {
      search.setParameter(w + 1, words.get(w));
    }
    @SuppressWarnings("unchecked")
    List<Number> ids = search.getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  private Territory nearTerritory(String communeCode) {
    if (communeCode == null || communeCode.isBlank()) {
      return null;
    }
    return territories
        .resolve("COMMUNE", communeCode)
        .filter(t -> t.regionCode() != null)
        .orElse(null);
  }

  private static List<Status> statuses(String status) {
    return switch (status == null ? "" : status.strip().toLowerCase(Locale.ROOT)) {
      case "achieved" -> List.of(Status.ACHIEVED);
      case "closed" -> List.of(Status.CLOSED, Status.WITHDRAWN);
      case "all" -> List.of(Status.PUBLISHED, Status.ACHIEVED, Status.CLOSED, Status.WITHDRAWN);
      default -> List.of(Status.PUBLISHED);
    };
  }

  /** The initiatives a member wrote; drafts only for themselves. */
  public List<Summary> ofAuthor(String handle, boolean withDrafts, int first, int size) {
    var author = members.confirmed(handle);
    if (author.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(Initiative.OF_AUTHOR, Initiative.class)
        .setParameter("author", author.get())
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), PAGE_SIZE))
        .getResultStream()
        .filter(i -> withDrafts || i.isPublic())
        .map(i -> summary(i, author.get()))
        .toList();
  }

  public static Summary summary(Initiative i, MemberAccount author) {
    return new Summary(
        i.id(),
        i.title(),
        i.theme().name(),
        i.status().name(),
        i.territory().name(),
        author.publicHandle(),
        author.displayName(),
        i.publishedAt(),
        i.signatureCount(),
        i.signatureGoal(),
        i.answeredAt() != null,
        i.counterKind() == null ? null : i.counterKind().name());
  }

  private Optional<Initiative> own(String handle, long id) {
    // Locked first: every caller changes the row after inserting rows that reference it, and
    // taking the lock only then could deadlock with the roll-up (see Debate.comment).
    var initiative =
        em.find(Initiative.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    return Optional.ofNullable(initiative)
        .filter(i -> i.author().handle().equals(MemberAccount.normalizeHandle(handle)))
        .filter(i -> i.isEditableBy(i.author()));
  }
}
