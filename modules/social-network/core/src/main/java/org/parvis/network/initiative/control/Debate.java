package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.text.SafeHtml;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.initiative.entity.Comment;
import org.parvis.network.initiative.entity.Comment.Stance;
import org.parvis.network.initiative.entity.Initiative;
import org.parvis.network.member.control.DormantAccountWatch;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.ranking.control.Ranking;

/**
 * The debate on an initiative: comments with a stance, one level of replies, quotes, an edit window
 * (15 minutes by default), officials' comments marked and shown first. Pages of threads come with
 * their replies in two statements whatever their number.
 */
@ApplicationScoped
@Transactional
public class Debate {

  @Inject org.parvis.network.ranking.control.Ledger ledger;

  public static final int THREADS_PER_PAGE = 20;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject org.parvis.network.member.control.Members members;

  @Inject DormantAccountWatch watch;
  @Inject OfficialRegistry officials;
  @Inject Notifications notifications;
  @Inject jakarta.enterprise.event.Event<org.parvis.network.api.ContentPublished> publications;

  @Inject
  @ConfigProperty(name = "parvis.network.comment-edit-minutes", defaultValue = "15")
  int editMinutes;

  Clock clock = Clock.systemUTC();

  /**
   * Posts a comment, or a reply when {@code replyTo} is set; {@code quote} names a comment of the
   * same initiative quoted in it.
   *
   * @return the new comment's id, or the message key of the problem
   */
  @Transactional
  public Result comment(
      String handle,
      long initiativeId,
      String stance,
      String body,
      Long replyTo,
      Long quote,
      String address) {
    var author = members.confirmed(handle);
    // The initiative's row is locked first: this transaction updates it below, and taking the
    // lock only then (after the comment's foreign key check) could deadlock with the roll-up.
    var initiative =
        em.find(Initiative.class, initiativeId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (author.isEmpty() || initiative == null || !initiative.status().isOpen()) {
      return Result.problem("comment.closed");
    }
    if (!Comment.validBody(body)) {
      return Result.problem("comment.body.invalid");
    }
    Stance s;
    try {
      s = Stance.valueOf(String.valueOf(stance).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Result.problem("comment.stance.invalid");
    }
    Comment parent = replyTo == null ? null : em.find(Comment.class, replyTo);
    Comment quoted = quote == null ? null : em.find(Comment.class, quote);
    if ((replyTo != null && (parent == null || !parent.initiative().equals(initiative)))
        || (quote != null && (quoted == null || !quoted.initiative().equals(initiative)))) {
      return Result.problem("comment.reference.invalid");
    }
    var refused = watch.beforePublishing(handle, address, body).refusal();
    if (refused.isPresent()) {
      return Result.problem(refused.get());
    }
    Instant now = clock.instant();
    boolean first =
        ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM initiative_comment WHERE initiative_id = ?"
                                + " AND author_id = ?")
                        .setParameter(1, initiative.id())
                        .setParameter(2, author.get().id())
                        .getSingleResult())
                .longValue()
            == 0;
    boolean official =
        officials.mandatesOf(author.get()).stream().anyMatch(m -> m.covers(initiative.territory()));
    var comment = new Comment(initiative, author.get(), parent, quoted, s, body, official, now);
    em.persist(comment);
    em.flush();
    em.createNativeQuery(
            "UPDATE initiative SET comment_count = comment_count + 1, last_activity_at = ?"
                + " WHERE id = ?")
        .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(2, initiative.id())
        .executeUpdate();
    notifications.notifyFollowers(
        initiative.id(), Notifications.Kind.COMMENT, author.get().id(), now);
    long actor = author.get().id();
    boolean own = initiative.author().id() == actor;
    if (first && !own) {
      ledger.record(initiative.id(), actor, Ranking.COMMENT, actor, Ranking.COMMENT);
    }
    if (parent != null && parent.author().id() != actor) {
      ledger.record(initiative.id(), actor, 0, parent.author().id(), Ranking.REPLY_RECEIVED);
    }
    publications.fire(
        new org.parvis.network.api.ContentPublished(
            "COMMENT", comment.id(), initiative.id(), false, now));
    return new Result(comment.id(), null);
  }

  /** The new comment's id, or the message key of the problem. */
  public record Result(Long id, String problem) {
    static Result problem(String key) {
      return new Result(null, key);
    }
  }

  /** Rewrites one's comment within the edit window. */
  @Transactional
  public Optional<String> edit(String handle, long commentId, String body, String address) {
    var author = members.confirmed(handle);
    var comment = em.find(Comment.class, commentId);
    if (author.isEmpty() || comment == null) {
      return Optional.of("comment.edit.closed");
    }
    if (!Comment.validBody(body)) {
      return Optional.of("comment.body.invalid");
    }
    Duration window = Duration.ofMinutes(editMinutes);
    if (!comment.author().equals(author.get())
        || comment.createdAt().plus(window).isBefore(clock.instant())) {
      return Optional.of("comment.edit.closed");
    }
    // An edit that adds a link is watched like a publication (with its real text); fixing a typo
    // does not count toward a dormant account's burst.
    if (SafeHtml.containsLinks(body)) {
      var refused = watch.beforePublishing(handle, address, body).refusal();
      if (refused.isPresent()) {
        return refused;
      }
    }
    if (!comment.edit(author.get(), body, Duration.ofMinutes(editMinutes), clock.instant())) {
      return Optional.of("comment.edit.closed");
    }
    publications.fire(
        new org.parvis.network.api.ContentPublished(
            "COMMENT", comment.id(), comment.initiative().id(), true, clock.instant()));
    return Optional.empty();
  }

  /** A comment as the page shows it; the quote is the quoted comment's author and first words. */
  public record Entry(
      long id,
      String handle,
      String displayName,
      String stance,
      String body,
      boolean official,
      String gender,
      Instant at,
      Instant editedAt,
      boolean editable,
      String quotedHandle,
      String quotedText,
      List<Entry> replies,
      boolean hidden) {}

  /** A page of threads (page numbers start at 0) and whether there are more. */
  public record Page(List<Entry> threads, int number, boolean more, long threadCount) {}

  public Page page(long initiativeId, int pageNumber, String viewer) {
    int page = Math.max(0, pageNumber);
    var initiative = em.getReference(Initiative.class, initiativeId);
    long count =
        em.createNamedQuery(Comment.THREAD_COUNT, Long.class)
            .setParameter("initiative", initiative)
            .getSingleResult();
    if (count == 0) {
      return new Page(List.of(), page, false, 0);
    }
    var threads =
        em.createNamedQuery(Comment.THREADS, Comment.class)
            .setParameter("initiative", initiative)
            .setFirstResult(page * THREADS_PER_PAGE)
            .setMaxResults(THREADS_PER_PAGE)
            .getResultList();
    if (threads.isEmpty()) {
      return new Page(List.of(), page, false, count);
    }
    var replies = new LinkedHashMap<Long, List<Entry>>();
    em.createNamedQuery(Comment.REPLIES, Comment.class)
        .setParameter("parents", threads)
        .setMaxResults(THREADS_PER_PAGE * 50)
        .getResultStream()
        .forEach(
            r ->
                replies
                    .computeIfAbsent(r.parent().id(), k -> new ArrayList<>())
                    .add(entry(r, viewer, List.of())));
    var entries =
        threads.stream()
            .map(t -> entry(t, viewer, replies.getOrDefault(t.id(), List.of())))
            .toList();
    return new Page(entries, page, (long) (page + 1) * THREADS_PER_PAGE < count, count);
  }

  private Entry entry(Comment c, String viewer, List<Entry> replies) {
    var quoted = c.quoted();
    String quotedText = null;
    if (quoted != null && !quoted.isHidden()) {
      String text = quoted.body();
      quotedText = text.length() > 280 ? text.substring(0, 280) + "…" : text;
    }
    boolean own =
        viewer != null && c.author().handle().equals(MemberAccount.normalizeHandle(viewer));
    return new Entry(
        c.id(),
        c.author().publicHandle(),
        c.author().displayName(),
        c.stance().name(),
        // A hidden comment keeps its place in the thread; only its author still reads it.
        c.isHidden() && !own ? null : c.body(),
        c.byOfficial(),
        c.author().gender(),
        c.createdAt(),
        c.editedAt(),
        viewer != null
            && c.author().handle().equals(MemberAccount.normalizeHandle(viewer))
            && !c.createdAt().plus(Duration.ofMinutes(editMinutes)).isBefore(clock.instant()),
        quoted == null ? null : quoted.author().publicHandle(),
        quotedText,
        replies,
        c.isHidden());
  }
}
