package org.parvis.moderation.screening.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.moderation.log.control.ModerationLog;
import org.parvis.moderation.screening.control.Screening.Action;
import org.parvis.moderation.screening.control.Screening.Item;
import org.parvis.network.api.ContentPublished;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.PublishedContents;

/**
 * Screens every item the network publishes or edits, once its publication has committed (so
 * screening never delays nor undoes a publication): above {@link Screening#QUEUE_AT} the item goes
 * into the moderators' queue, above {@link Screening#HIDE_AT} it is also hidden at once pending
 * review and its author told. Every step is in the moderation log, by "screening".
 */
@ApplicationScoped
@Transactional
public class AutomaticScreening {

  static final String ACTOR = "screening";
  private static final Logger LOG = Logger.getLogger(AutomaticScreening.class.getName());

  @PersistenceContext(unitName = "moderation")
  EntityManager em;

  /** The network's, in the EAR; absent where moderation runs alone (its own tests). */
  @Inject jakarta.enterprise.inject.Instance<PublishedContents> contents;

  @Inject ModerationLog log;
  @Inject Event<ContentVerdict> verdicts;

  Clock clock = Clock.systemUTC();

  /** Rules, and a classifier trained from moderators' decisions once there are some. */
  @Inject Training training;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void screen(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentPublished published) {
    if (!contents.isResolvable()) {
      return;
    }
    try {
      contents
          .get()
          .content(published.kind(), published.id())
          .ifPresent(
              content -> {
                var result =
                    training
                        .screening()
                        .screen(
                            new Item(
                                content.text(), content.accountAge(), content.sameTextRecently()));
                if (result.action() == Action.NONE) {
                  return;
                }
                boolean hide = result.action() == Action.HIDE;
                var now = clock.instant();
                String reasons = String.join(", ", result.reasons());
                em.createNativeQuery("DELETE FROM moderation_item WHERE kind = ? AND item_id = ?")
                    .setParameter(1, content.kind())
                    .setParameter(2, content.id())
                    .executeUpdate();
                em.createNativeQuery(
                        "INSERT INTO moderation_item (kind, item_id, initiative_id, author_id,"
                            + " score, reasons, status, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, content.kind())
                    .setParameter(2, content.id())
                    .setParameter(3, content.initiativeId())
                    .setParameter(4, content.authorId())
                    .setParameter(5, result.score())
                    .setParameter(6, reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons)
                    .setParameter(7, hide ? "HIDDEN" : "QUEUED")
                    .setParameter(8, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
                log.record(
                    ACTOR,
                    hide ? "AUTO_HIDE" : "AUTO_QUEUE",
                    content.kind(),
                    Long.toString(content.id()),
                    String.format(
                        java.util.Locale.ROOT, "score %.2f: %s", result.score(), reasons));
                if (hide) {
                  verdicts.fire(new ContentVerdict(content.kind(), content.id(), true, null, now));
                }
              });
    } catch (RuntimeException e) {
      // Publishing has already succeeded; the item stays visible and reports still work.
      LOG.log(
          Level.WARNING, "Screening of " + published.kind() + " " + published.id() + " failed", e);
    }
  }
}
