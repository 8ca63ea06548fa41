package org.parvis.campaign.agenda.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parvis.campaign.site.control.Saved;
import org.parvis.campaign.site.control.Slugs;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * The party's agenda: meetings, rallies, door-to-door and online events, each in a territory (a
 * commune, département, région, or the whole country), listed from the next one on, by territory
 * and by month; people may register to an event that accepts it, giving their consent.
 */
@ApplicationScoped
@Transactional
public class Agenda {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  public static final int PAGE_SIZE = 20;

  /** The version of the registration consent text (bundle key agenda.consent). */
  public static final String CONSENT_VERSION = "agenda-2026-11";

  /** What kind of event. */
  public enum Kind {
    MEETING,
    RALLY,
    CANVASSING,
    ONLINE
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /** What an editor typed; times are Paris local times. */
  public record Draft(
      String title,
      String kind,
      LocalDateTime starts,
      LocalDateTime ends,
      String place,
      String onlineUrl,
      String territoryKind,
      String territoryCode,
      String description,
      boolean registration) {}

  /** An event as its pages and calendars show it. */
  public record Event(
      long id,
      String slug,
      String title,
      Kind kind,
      Instant startsAt,
      Instant endsAt,
      String place,
      String onlineUrl,
      String territoryKind,
      String territoryCode,
      String territoryName,
      String description,
      boolean registration,
      boolean cancelled,
      int sequence,
      Instant updatedAt) {}

  @Transactional
  public Saved save(Long id, Draft draft, Instant now) {
    var problems = new LinkedHashMap<String, String>();
    String title = draft.title() == null ? "" : draft.title().strip();
    if (title.length() < 3 || title.length() > 200) {
      problems.put("title", "event.title.invalid");
    }
    Kind kind = null;
    try {
      kind = Kind.valueOf(String.valueOf(draft.kind()));
    } catch (IllegalArgumentException e) {
      problems.put("kind", "event.kind.invalid");
    }
    if (draft.starts() == null) {
      problems.put("starts", "event.starts.invalid");
    }
    if (draft.ends() == null || (draft.starts() != null && !draft.ends().isAfter(draft.starts()))) {
      problems.put("ends", "event.ends.invalid");
    }
    String place = draft.place() == null ? "" : draft.place().strip();
    if (place.isEmpty() || place.length() > 200) {
      problems.put("place", "event.place.invalid");
    }
    String online = draft.onlineUrl() == null ? "" : draft.onlineUrl().strip();
    if (!online.isEmpty() && (!online.startsWith("https://") || online.length() > 500)) {
      problems.put("onlineUrl", "event.online.invalid");
    }
    String territoryKind = String.valueOf(draft.territoryKind()).toUpperCase(Locale.ROOT);
    String territoryCode = draft.territoryCode() == null ? "" : draft.territoryCode().strip();
    Optional<String> territoryName = territoryName(territoryKind, territoryCode);
    if (territoryName.isEmpty()) {
      problems.put("territoryCode", "event.territory.invalid");
    }
    String description = SafeHtml.sanitize(draft.description() == null ? "" : draft.description());
    if (description.length() > 20_000) {
      problems.put("description", "event.description.invalid");
    }
    if (id != null && event(id).isEmpty()) {
      problems.put("title", "event.unknown");
    }
    if (!problems.isEmpty()) {
      return Saved.refused(id, problems);
    }
    Instant starts = draft.starts().atZone(PARIS).toInstant();
    Instant ends = draft.ends().atZone(PARIS).toInstant();
    if (id == null) {
      String slug =
          Slugs.free(em, "agenda_event", Slugs.of(draft.starts().toLocalDate() + " " + title, 110));
      em.createNativeQuery(
              "INSERT INTO agenda_event (slug, title, kind, starts_at, ends_at, place, online_url,"
                  + " territory_kind, territory_code, territory_name, description, registration,"
                  + " status, sequence, created_at, updated_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS VARCHAR(500)), ?, ?, ?, ?, ?,"
                  + " 'PUBLISHED', 0, ?, ?)")
          .setParameter(1, slug)
          .setParameter(2, title)
          .setParameter(3, kind.name())
          .setParameter(4, Rows.utc(starts))
          .setParameter(5, Rows.utc(ends))
          .setParameter(6, place)
          .setParameter(7, online.isEmpty() ? null : online)
          .setParameter(8, territoryKind)
          .setParameter(9, territoryCode)
          .setParameter(10, territoryName.get())
          .setParameter(11, description)
          .setParameter(12, draft.registration())
          .setParameter(13, Rows.utc(now))
          .setParameter(14, Rows.utc(now))
          .executeUpdate();
      return new Saved(
          Rows.number(
              em.createNativeQuery("SELECT id FROM agenda_event WHERE slug = ?")
                  .setParameter(1, slug)
                  .getSingleResult()),
          Map.of());
    }
    em.createNativeQuery(
            "UPDATE agenda_event SET title = ?, kind = ?, starts_at = ?, ends_at = ?, place = ?,"
                + " online_url = CAST(? AS VARCHAR(500)), territory_kind = ?, territory_code = ?,"
                + " territory_name = ?, description = ?, registration = ?,"
                + " sequence = sequence + 1, updated_at = ? WHERE id = ?")
        .setParameter(1, title)
        .setParameter(2, kind.name())
        .setParameter(3, Rows.utc(starts))
        .setParameter(4, Rows.utc(ends))
        .setParameter(5, place)
        .setParameter(6, online.isEmpty() ? null : online)
        .setParameter(7, territoryKind)
        .setParameter(8, territoryCode)
        .setParameter(9, territoryName.get())
        .setParameter(10, description)
        .setParameter(11, draft.registration())
        .setParameter(12, Rows.utc(now))
        .setParameter(13, id)
        .executeUpdate();
    return new Saved(id, Map.of());
  }

  /** Cancels an event: it stays listed, marked cancelled, and calendars learn it. */
  @Transactional
  public boolean cancel(long id, Instant now) {
    return em.createNativeQuery(
                "UPDATE agenda_event SET status = 'CANCELLED', sequence = sequence + 1,"
                    + " updated_at = ? WHERE id = ? AND status = 'PUBLISHED'")
            .setParameter(1, Rows.utc(now))
            .setParameter(2, id)
            .executeUpdate()
        == 1;
  }

  /** The territory's official name, if the code exists ({@code kind} NATIONAL takes code FR). */
  public Optional<String> territoryName(String kind, String code) {
    String table =
        switch (kind) {
          case "COMMUNE" -> "territory_commune";
          case "DEPARTEMENT" -> "territory_departement";
          case "REGION" -> "territory_region";
          case "NATIONAL" -> null;
          default -> "";
        };
    if (table == null) {
      return "FR".equals(code) ? Optional.of("France") : Optional.empty();
    }
    if (table.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<String> names =
        em.createNativeQuery("SELECT name FROM " + table + " WHERE code = ?")
            .setParameter(1, code)
            .getResultList();
    return names.stream().findFirst();
  }

  private static final String COLUMNS =
      "SELECT id, slug, title, kind, starts_at, ends_at, place, online_url, territory_kind,"
          + " territory_code, territory_name, description, registration, status, sequence,"
          + " updated_at FROM agenda_event";

  public Optional<Event> event(long id) {
    return events(em.createNativeQuery(COLUMNS + " WHERE id = ?").setParameter(1, id)).stream()
        .findFirst();
  }

  public Optional<Event> event(String slug) {
    return events(em.createNativeQuery(COLUMNS + " WHERE slug = ?").setParameter(1, slug)).stream()
        .findFirst();
  }

  /**
   * Events not over yet, soonest first, one page (plus one to tell whether there are more); in a
   * territory when {@code territoryKind} is not null.
   */
  public List<Event> upcoming(String territoryKind, String territoryCode, int page, Instant now) {
    String where =
        territoryKind == null
            ? " WHERE ends_at >= ?"
            : " WHERE territory_kind = ? AND territory_code = ? AND ends_at >= ?";
    var query =
        em.createNativeQuery(
            COLUMNS
                + where
                + " ORDER BY starts_at, id"
                + Rows.page(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1));
    int position = 1;
    if (territoryKind != null) {
      query.setParameter(position++, territoryKind);
      query.setParameter(position++, territoryCode);
    }
    query.setParameter(position, Rows.utc(now));
    return events(query);
  }

  /** The events starting in a month (Paris time), for the calendar view. */
  public List<Event> month(YearMonth month) {
    return events(
        em.createNativeQuery(
                COLUMNS
                    + " WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id LIMIT 500")
            .setParameter(1, Rows.utc(month.atDay(1).atStartOfDay(PARIS).toInstant()))
            .setParameter(
                2, Rows.utc(month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant())));
  }

  /** What the whole-agenda calendar carries: the last 30 days and everything ahead. */
  public List<Event> forCalendar(Instant now) {
    return events(
        em.createNativeQuery(COLUMNS + " WHERE ends_at >= ? ORDER BY starts_at, id LIMIT 1000")
            .setParameter(1, Rows.utc(now.minus(java.time.Duration.ofDays(30)))));
  }

  /** Every event for editors, the latest first. */
  public List<Event> forEditors(int page) {
    return forEditors(When.ALL, page, Instant.now());
  }

  /** Which events an editor lists: those not ended yet, those ended, or all. */
  public enum When {
    UPCOMING(" WHERE ends_at >= ?", " ORDER BY starts_at, id"),
    PAST(" WHERE ends_at < ?", " ORDER BY starts_at DESC, id DESC"),
    ALL("", " ORDER BY starts_at DESC, id DESC");

    final String condition;
    final String order;

    When(String condition, String order) {
      this.condition = condition;
      this.order = order;
    }
  }

  /**
   * Events for editors: coming ones soonest first, past ones and all latest first; page {@code
   * page} of 30, plus one to tell whether there are more.
   */
  public List<Event> forEditors(When when, int page, Instant now) {
    var query =
        em.createNativeQuery(
            COLUMNS + when.condition + when.order + Rows.page(Math.max(0, page) * 30, 31));
    if (when != When.ALL) {
      query.setParameter(1, Rows.utc(now));
    }
    return events(query);
  }

  /** How many events {@link #forEditors(When, int, Instant)} lists in all. */
  public long count(When when, Instant now) {
    var query = em.createNativeQuery("SELECT COUNT(*) FROM agenda_event" + when.condition);
    if (when != When.ALL) {
      query.setParameter(1, Rows.utc(now));
    }
    return Rows.number(query.getSingleResult());
  }

  /**
   * Registers someone to an event that accepts it, with their consent to be contacted about it.
   * Returns the problem's message key, if any; a second registration of the same address is
   * accepted quietly.
   */
  @Transactional
  public Optional<String> register(
      long eventId, String name, String email, boolean consent, Instant now) {
    var event = event(eventId);
    if (event.isEmpty()
        || !event.get().registration()
        || event.get().cancelled()
        || event.get().endsAt().isBefore(now)) {
      return Optional.of("registration.closed");
    }
    String who = name == null ? "" : name.strip();
    if (who.isEmpty() || who.length() > 100) {
      return Optional.of("registration.name.invalid");
    }
    String address = EmailAddress.normalize(email);
    if (!EmailAddress.valid(address)) {
      return Optional.of("registration.email.invalid");
    }
    if (!consent) {
      return Optional.of("registration.consent.required");
    }
    int inserted =
        em.createNativeQuery(
                "INSERT INTO agenda_registration (event_id, name, email, registered_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, who)
            .setParameter(3, address)
            .setParameter(4, Rows.utc(now))
            .executeUpdate();
    if (inserted == 1) {
      long id =
          Rows.number(
              em.createNativeQuery(
                      "SELECT id FROM agenda_registration WHERE event_id = ? AND email = ?")
                  .setParameter(1, eventId)
                  .setParameter(2, address)
                  .getSingleResult());
      em.createNativeQuery(
              "INSERT INTO brand_consent (subject_kind, subject_id, purpose, text_version, method,"
                  + " given_at) VALUES ('REGISTRANT', ?, 'EVENT_REGISTRATION', ?, ?, ?)")
          .setParameter(1, id)
          .setParameter(2, CONSENT_VERSION)
          .setParameter(3, "web form, box ticked")
          .setParameter(4, Rows.utc(now))
          .executeUpdate();
    }
    return Optional.empty();
  }

  /** How many registered to the event. */
  public long registrations(long eventId) {
    return Rows.number(
        em.createNativeQuery("SELECT COUNT(*) FROM agenda_registration WHERE event_id = ?")
            .setParameter(1, eventId)
            .getSingleResult());
  }

  @SuppressWarnings("unchecked")
  private static List<Event> events(jakarta.persistence.Query query) {
    return ((List<Object[]>) query.getResultList())
        .stream()
            .map(
                r ->
                    new Event(
                        Rows.number(r[0]),
                        (String) r[1],
                        (String) r[2],
                        Kind.valueOf((String) r[3]),
                        Rows.instant(r[4]),
                        Rows.instant(r[5]),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        (String) r[10],
                        (String) r[11],
                        Boolean.TRUE.equals(r[12]),
                        "CANCELLED".equals(r[13]),
                        (int) Rows.number(r[14]),
                        Rows.instant(r[15])))
            .toList();
  }
}
