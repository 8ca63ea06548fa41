package org.parvis.campaign.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.sql.Rows;

/**
 * The newsletter's subscribers as staff see them: searched by address, filtered by state, newest
 * first, counted and paged; and taken off the list when one asks by other means than the mail's
 * link (a letter, a call), their consent withdrawn as when they leave by themselves.
 */
@ApplicationScoped
@Transactional
public class Subscribers {

  /** A subscriber's line: no token, no confirmation hash. */
  public record Subscriber(
      long id,
      String email,
      String status,
      String themes,
      String language,
      Instant subscribedAt,
      Instant confirmedAt,
      Instant unsubscribedAt) {}

  /** What staff look for: words of the address (blank for all) and a state (null for all). */
  public record Filter(String search, String status) {}

  /** The states a subscriber can be in, as the table stores them. */
  public static final List<String> STATES = List.of("PENDING", "CONFIRMED", "UNSUBSCRIBED");

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /**
   * The subscribers matching the filter, newest first, from {@code first}, at most {@code size}.
   */
  public List<Subscriber> list(Filter filter, int first, int size) {
    var where = new ArrayList<Object>();
    Query query =
        em.createNativeQuery(
            "SELECT id, email, status, themes, language, subscribed_at, confirmed_at,"
                + " unsubscribed_at FROM newsletter_subscriber"
                + where(filter, where)
                + " ORDER BY subscribed_at DESC, id DESC"
                + Rows.page(first, size));
    bind(query, where);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Subscriber(
                    Rows.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    Rows.instant(r[5]),
                    Rows.instant(r[6]),
                    Rows.instant(r[7])))
        .toList();
  }

  /** How many subscribers match the filter. */
  public long count(Filter filter) {
    var where = new ArrayList<Object>();
    Query query =
        em.createNativeQuery("SELECT COUNT(*) FROM newsletter_subscriber" + where(filter, where));
    bind(query, where);
    return Rows.number(query.getSingleResult());
  }

  /**
   * Takes the subscriber with this address off the list, at their request made elsewhere: their id,
   * or empty when no subscriber has it or they had already left.
   */
  public java.util.Optional<Long> unsubscribe(String email, Instant now) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery("SELECT id FROM newsletter_subscriber WHERE email = ?")
            .setParameter(1, EmailAddress.normalize(email))
            .getResultList();
    return ids.isEmpty() || !leave(em, ids.get(0).longValue(), now)
        ? java.util.Optional.empty()
        : java.util.Optional.of(ids.get(0).longValue());
  }

  /** No more campaigns for the subscriber, consent withdrawn; false when already gone. */
  static boolean leave(EntityManager em, long id, Instant now) {
    int changed =
        em.createNativeQuery(
                "UPDATE newsletter_subscriber SET status = 'UNSUBSCRIBED', unsubscribed_at = ?,"
                    + " confirm_hash = NULL WHERE id = ? AND status <> 'UNSUBSCRIBED'")
            .setParameter(1, Rows.utc(now))
            .setParameter(2, id)
            .executeUpdate();
    em.createNativeQuery(
            "UPDATE brand_consent SET withdrawn_at = ? WHERE subject_kind = 'SUBSCRIBER'"
                + " AND subject_id = ? AND purpose = 'NEWSLETTER' AND withdrawn_at IS NULL")
        .setParameter(1, Rows.utc(now))
        .setParameter(2, id)
        .executeUpdate();
    return changed > 0;
  }

  private static String where(Filter filter, List<Object> values) {
    var conditions = new ArrayList<String>();
    String words = Rows.containing(filter.search());
    if (words != null) {
      conditions.add("LOWER(email) LIKE ?");
      values.add(words);
    }
    if (filter.status() != null && STATES.contains(filter.status())) {
      conditions.add("status = ?");
      values.add(filter.status());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(Query query, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
  }
}
