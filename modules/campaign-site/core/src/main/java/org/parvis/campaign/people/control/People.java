package org.parvis.campaign.people.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parvis.campaign.site.control.Saved;
import org.parvis.campaign.site.control.Slugs;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * The party's people pages: candidates and elected officials with their photo, mandates, biography,
 * public contact, public accounts and, if they have one, their network profile by public handle.
 */
@ApplicationScoped
@Transactional
public class People {

  static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9-]{2,29}");

  /** Why the party presents them. */
  public enum Role {
    CANDIDATE,
    OFFICIAL
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /** What an editor typed; links one per line (https only). */
  public record Draft(
      String name,
      String role,
      Long photoImageId,
      String biography,
      String publicEmail,
      String links,
      String networkHandle,
      boolean published) {}

  /** A mandate held, or held before. */
  public record Mandate(
      long id, String office, String territoryName, LocalDate startsOn, LocalDate endsOn) {

    public boolean current(LocalDate today) {
      return endsOn == null || !endsOn.isBefore(today);
    }
  }

  /** A person as their page shows them. */
  public record Person(
      long id,
      String slug,
      String name,
      Role role,
      Long photoImageId,
      String biography,
      String publicEmail,
      List<String> links,
      String networkHandle,
      boolean published,
      List<Mandate> mandates) {}

  @Transactional
  public Saved save(Long id, Draft draft, Instant now) {
    var problems = new LinkedHashMap<String, String>();
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.length() < 2 || name.length() > 100) {
      problems.put("name", "person.name.invalid");
    }
    Role role = null;
    try {
      role = Role.valueOf(String.valueOf(draft.role()));
    } catch (IllegalArgumentException e) {
      problems.put("role", "person.role.invalid");
    }
    String biography = SafeHtml.sanitize(draft.biography() == null ? "" : draft.biography());
    if (biography.length() > 20_000) {
      problems.put("biography", "person.biography.invalid");
    }
    String email =
        draft.publicEmail() == null || draft.publicEmail().isBlank()
            ? null
            : EmailAddress.normalize(draft.publicEmail());
    if (email != null && !EmailAddress.valid(email)) {
      problems.put("publicEmail", "person.email.invalid");
    }
    List<String> links =
        draft.links() == null
            ? List.of()
            : Arrays.stream(draft.links().split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    if (links.size() > 8
        || links.stream()
            .anyMatch(l -> !l.startsWith("https://") || l.length() > 200 || l.contains(" "))) {
      problems.put("links", "person.links.invalid");
    }
    String handle =
        draft.networkHandle() == null || draft.networkHandle().isBlank()
            ? null
            : draft.networkHandle().strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
    if (handle != null && !HANDLE.matcher(handle).matches()) {
      problems.put("networkHandle", "person.handle.invalid");
    }
    if (!problems.isEmpty()) {
      return Saved.refused(id, problems);
    }
    if (id == null) {
      String slug = Slugs.free(em, "brand_person", Slugs.of(name, 100));
      em.createNativeQuery(
              "INSERT INTO brand_person (slug, name, role, photo_image_id, biography, public_email,"
                  + " links, network_handle, published, updated_at)"
                  + " VALUES (?, ?, ?, CAST(? AS BIGINT), ?, CAST(? AS VARCHAR(254)), ?,"
                  + " CAST(? AS VARCHAR(30)), ?, ?)")
          .setParameter(1, slug)
          .setParameter(2, name)
          .setParameter(3, role.name())
          .setParameter(4, draft.photoImageId())
          .setParameter(5, biography)
          .setParameter(6, email)
          .setParameter(7, String.join("\n", links))
          .setParameter(8, handle)
          .setParameter(9, draft.published())
          .setParameter(10, Rows.utc(now))
          .executeUpdate();
      return new Saved(
          Rows.number(
              em.createNativeQuery("SELECT id FROM brand_person WHERE slug = ?")
                  .setParameter(1, slug)
                  .getSingleResult()),
          Map.of());
    }
    int changed =
        em.createNativeQuery(
                "UPDATE brand_person SET name = ?, role = ?, photo_image_id = CAST(? AS BIGINT),"
                    + " biography = ?, public_email = CAST(? AS VARCHAR(254)), links = ?,"
                    + " network_handle = CAST(? AS VARCHAR(30)), published = ?, updated_at = ?"
                    + " WHERE id = ?")
            .setParameter(1, name)
            .setParameter(2, role.name())
            .setParameter(3, draft.photoImageId())
            .setParameter(4, biography)
            .setParameter(5, email)
            .setParameter(6, String.join("\n", links))
            .setParameter(7, handle)
            .setParameter(8, draft.published())
            .setParameter(9, Rows.utc(now))
            .setParameter(10, id)
            .executeUpdate();
    return changed == 1 ? new Saved(id, Map.of()) : new Saved(id, Map.of("name", "person.unknown"));
  }

  /** Adds a mandate; returns the problem's message key, if any. */
  @Transactional
  public Optional<String> addMandate(
      long personId, String office, String territoryName, LocalDate startsOn, LocalDate endsOn) {
    String o = office == null ? "" : office.strip();
    String t = territoryName == null ? "" : territoryName.strip();
    if (o.isEmpty() || o.length() > 120 || t.isEmpty() || t.length() > 100) {
      return Optional.of("mandate.invalid");
    }
    if (startsOn == null || (endsOn != null && endsOn.isBefore(startsOn))) {
      return Optional.of("mandate.dates.invalid");
    }
    int inserted =
        em.createNativeQuery(
                "INSERT INTO brand_mandate (person_id, office, territory_name, starts_on, ends_on)"
                    + " SELECT id, ?, ?, ?, CAST(? AS DATE) FROM brand_person WHERE id = ?")
            .setParameter(1, o)
            .setParameter(2, t)
            .setParameter(3, startsOn)
            .setParameter(4, endsOn)
            .setParameter(5, personId)
            .executeUpdate();
    return inserted == 1 ? Optional.empty() : Optional.of("person.unknown");
  }

  @Transactional
  public void removeMandate(long personId, long mandateId) {
    em.createNativeQuery("DELETE FROM brand_mandate WHERE id = ? AND person_id = ?")
        .setParameter(1, mandateId)
        .setParameter(2, personId)
        .executeUpdate();
  }

  public Optional<Person> person(long id) {
    return one("id = ?", id);
  }

  /** A published person's page. */
  public Optional<Person> published(String slug) {
    return one("slug = ? AND published = TRUE", slug);
  }

  private Optional<Person> one(String where, Object key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, slug, name, role, photo_image_id, biography, public_email, links,"
                    + " network_handle, published FROM brand_person WHERE "
                    + where)
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    long id = Rows.number(r[0]);
    @SuppressWarnings("unchecked")
    List<Object[]> mandates =
        em.createNativeQuery(
                "SELECT id, office, territory_name, starts_on, ends_on FROM brand_mandate"
                    + " WHERE person_id = ? ORDER BY starts_on DESC, id DESC")
            .setParameter(1, id)
            .getResultList();
    String links = (String) r[7];
    return Optional.of(
        new Person(
            id,
            (String) r[1],
            (String) r[2],
            Role.valueOf((String) r[3]),
            Rows.nullableNumber(r[4]),
            (String) r[5],
            (String) r[6],
            links.isEmpty() ? List.of() : List.of(links.split("\n")),
            (String) r[8],
            Boolean.TRUE.equals(r[9]),
            mandates.stream()
                .map(
                    m ->
                        new Mandate(
                            Rows.number(m[0]),
                            (String) m[1],
                            (String) m[2],
                            date(m[3]),
                            date(m[4])))
                .toList()));
  }

  /** A person in a list. */
  public record Card(
      long id, String slug, String name, Role role, Long photoImageId, boolean published) {}

  /** Published people of a role (or all, for editors when {@code everyone}), by name. */
  public List<Card> list(Role role, boolean everyone) {
    var query =
        em.createNativeQuery(
            "SELECT id, slug, name, role, photo_image_id, published FROM brand_person WHERE "
                + (everyone ? "1 = 1" : "published = TRUE")
                + (role == null ? "" : " AND role = ?")
                + " ORDER BY name, id LIMIT 500");
    if (role != null) {
      query.setParameter(1, role.name());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Card(
                    Rows.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    Role.valueOf((String) r[3]),
                    Rows.nullableNumber(r[4]),
                    Boolean.TRUE.equals(r[5])))
        .toList();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return (LocalDate) value;
  }
}
