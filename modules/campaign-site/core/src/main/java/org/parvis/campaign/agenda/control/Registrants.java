package org.parvis.campaign.agenda.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.parvis.campaign.api.EventRegistrants;
import org.parvis.kernel.api.sql.Rows;

/**
 * Who registered to an event, for the editors who welcome them: searched by name or address, in the
 * order they registered, counted and paged.
 */
@ApplicationScoped
@Transactional
public class Registrants implements EventRegistrants {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  public Optional<String> eventSlug(long eventId) {
    @SuppressWarnings("unchecked")
    List<String> slugs =
        em.createNativeQuery("SELECT slug FROM agenda_event WHERE id = ?")
            .setParameter(1, eventId)
            .getResultList();
    return slugs.stream().findFirst();
  }

  @Override
  public List<Registrant> list(long eventId, String search, int first, int size) {
    Query query =
        where(
            "SELECT id, name, email, registered_at FROM agenda_registration",
            eventId,
            search,
            " ORDER BY registered_at, id" + Rows.page(first, size));
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Registrant(Rows.number(r[0]), (String) r[1], (String) r[2], Rows.instant(r[3])))
        .toList();
  }

  @Override
  public long count(long eventId, String search) {
    return Rows.number(
        where("SELECT COUNT(*) FROM agenda_registration", eventId, search, "").getSingleResult());
  }

  private Query where(String select, long eventId, String search, String end) {
    String words = Rows.containing(search);
    Query query =
        em.createNativeQuery(
            select
                + " WHERE event_id = ?"
                + (words == null ? "" : " AND (LOWER(name) LIKE ? OR LOWER(email) LIKE ?)")
                + end);
    query.setParameter(1, eventId);
    if (words != null) {
      query.setParameter(2, words).setParameter(3, words);
    }
    return query;
  }
}
