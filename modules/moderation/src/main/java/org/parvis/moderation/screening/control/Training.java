package org.parvis.moderation.screening.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.parvis.network.api.PublishedContents;

/**
 * The classifier's examples: every moderator's decision keeps the text judged and the verdict, and
 * screening retrains from the latest {@link #EXAMPLES} at most every {@link #RETRAIN_EVERY} (a few
 * milliseconds for hundreds of examples, see ScreeningBench). Until moderators have hidden and kept
 * at least one item each, screening runs on its rules alone.
 */
@ApplicationScoped
@Transactional
public class Training {

  static final int EXAMPLES = 5_000;
  static final Duration RETRAIN_EVERY = Duration.ofMinutes(5);

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  @Inject Instance<PublishedContents> contents;

  Clock clock = Clock.systemUTC();

  private volatile Screening current = Screening.standard(null);
  private volatile Instant trainedAt = Instant.EPOCH;

  /** Records the decided item's text and verdict, in the caller's transaction. */
  public void learn(String kind, long id, boolean unacceptable) {
    // A profile's name is no sample of what members write: the classifier learns from texts.
    if (!contents.isResolvable() || "PROFILE".equals(kind)) {
      return;
    }
    contents
        .get()
        .content(kind, id)
        .ifPresent(
            c -> {
              em.createNativeQuery("DELETE FROM moderation_training WHERE kind = ? AND item_id = ?")
                  .setParameter(1, kind)
                  .setParameter(2, id)
                  .executeUpdate();
              String text = c.text().length() > 20_000 ? c.text().substring(0, 20_000) : c.text();
              em.createNativeQuery(
                      "INSERT INTO moderation_training (kind, item_id, author_id, text,"
                          + " unacceptable, decided_at) VALUES (?, ?, ?, ?, ?, ?)")
                  .setParameter(1, kind)
                  .setParameter(2, id)
                  .setParameter(3, c.authorId())
                  .setParameter(4, text)
                  .setParameter(5, unacceptable)
                  .setParameter(6, clock.instant().atOffset(ZoneOffset.UTC))
                  .executeUpdate();
            });
  }

  /** Screening with a classifier trained on the latest decisions (retrained when due). */
  public Screening screening() {
    Instant now = clock.instant();
    if (trainedAt.plus(RETRAIN_EVERY).isBefore(now)) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT text, unacceptable FROM moderation_training ORDER BY decided_at DESC"
                      + " LIMIT "
                      + EXAMPLES)
              .getResultList();
      var examples =
          rows.stream()
              .map(r -> new NaiveBayes.Example((String) r[0], Boolean.TRUE.equals(r[1])))
              .toList();
      current = Screening.standard(NaiveBayes.train(examples));
      trainedAt = now;
    }
    return current;
  }
}
