package org.parvis.campaign.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.parvis.campaign.api.NewsletterFigures;
import org.parvis.kernel.api.sql.Rows;

/** The newsletter's figures, read from the brand database when asked. */
@ApplicationScoped
@Transactional
public class NewsletterCounts implements NewsletterFigures {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  public long confirmedSubscribers() {
    return Rows.number(
        em.createNativeQuery(
                "SELECT COUNT(*) FROM newsletter_subscriber WHERE status = 'CONFIRMED'")
            .getSingleResult());
  }

  private static final String COLUMNS =
      "SELECT id, subject, theme, status, created_by, created_at, started_at, finished_at,"
          + " recipients, queued FROM newsletter_campaign";

  @Override
  public Optional<Campaign> lastCampaign() {
    return campaigns(
            COLUMNS + " WHERE started_at IS NOT NULL ORDER BY started_at DESC, id DESC", 0, 1)
        .stream()
        .findFirst();
  }

  @Override
  public List<Campaign> campaigns(int page) {
    return campaigns(COLUMNS + " ORDER BY created_at DESC, id DESC", page * PAGE_SIZE, PAGE_SIZE);
  }

  private List<Campaign> campaigns(String sql, int first, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(sql + Rows.page(Math.max(0, first), size)).getResultList();
    return rows.stream()
        .map(
            r ->
                new Campaign(
                    Rows.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    Rows.instant(r[5]),
                    Rows.instant(r[6]),
                    Rows.instant(r[7]),
                    ((Number) r[8]).intValue(),
                    ((Number) r[9]).intValue()))
        .toList();
  }
}
