package org.parvis.network.site.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.network.api.ContentPublished;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.MemberErased;
import org.parvis.network.api.PublicContentChanged;

/**
 * The public pages as anonymous readers get them, rendered once and served many times: when an
 * initiative is shared widely, thousands read the same page in the same language. A page is fresh
 * for a few seconds ({@code parvis.network.page-cache-seconds}, default 3; 0 turns the cache off),
 * which is how late a signature count may show (the roll-up already folds signatures every 2 s);
 * then the first reader renders it again while the others still get the copy (stale while
 * revalidating, for at most 30 s). What must show at once does: every page is forgotten as soon as
 * a record public pages show is written (an initiative, a comment, an answer, a member's account, a
 * mandate: {@link PublicContentChanged}, told before the commit, so pages are forgotten again half
 * a second later, once it is done), moderation hides or restores anything, or a member's account is
 * erased. Counts written by SQL alone (signatures, volunteers, followers, badges) show within the
 * freshness.
 *
 * <p>Only anonymous readers share pages (the filter never looks here for a request with a session),
 * and a page is kept only if rendering it set no cookie and opened no session.
 */
@ApplicationScoped
public class ReaderPages {

  /** How long a page may be served after it went stale, while one reader renders it again. */
  static final Duration STALE_FOR = Duration.ofSeconds(30);

  /** The most memory the pages take (their bodies, in bytes). */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /** How long after a change its transaction is surely committed. */
  static final long AFTER_COMMIT_MILLIS = 500;

  private static final Logger LOG = Logger.getLogger(ReaderPages.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "parvis.network.page-cache-seconds", defaultValue = "3")
  int freshSeconds;

  private Cache<Key, Page> pages;

  /**
   * Moves on at each change that makes pages forgotten: a page whose rendering began before a
   * change may show what was there before it, so it is not kept.
   */
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  private final Map<Key, CompletableFuture<Optional<Page>>> rendering = new ConcurrentHashMap<>();

  /** A page's address as readers share it: path, query string and language. */
  public record Key(String path, String query, String language) {}

  /**
   * A rendered page: its status (always 200), headers in the order they were set, body, validator
   * and when it stops being fresh.
   */
  public record Page(
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String etag,
      long freshUntilNanos,
      AtomicBoolean renewing) {

    boolean fresh() {
      return System.nanoTime() - freshUntilNanos < 0;
    }

    /** True for the one reader who renders a stale page again; the others get the copy. */
    boolean claimRenewal() {
      return renewing.compareAndSet(false, true);
    }
  }

  @PostConstruct
  void create() {
    pages =
        Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .<Key, Page>weigher((key, page) -> page.body().length + 512)
            .expireAfterWrite(Duration.ofSeconds(Math.max(0, freshSeconds)).plus(STALE_FOR))
            .build();
  }

  /** How many seconds a page stays fresh. */
  public int freshSeconds() {
    return freshSeconds;
  }

  /** Whether pages are kept at all. */
  public boolean enabled() {
    return freshSeconds > 0;
  }

  /** The page kept for this address, fresh or stale. */
  public Optional<Page> find(Key key) {
    return Optional.ofNullable(pages.getIfPresent(key));
  }

  /** Builds the page to keep, fresh for the configured time from now. */
  public Page page(List<Map.Entry<String, String>> headers, byte[] body, String etag) {
    return new Page(
        List.copyOf(headers),
        body,
        etag,
        System.nanoTime() + Duration.ofSeconds(freshSeconds).toNanos(),
        new AtomicBoolean());
  }

  /** Where the changes stand: taken when a rendering begins, and given back to {@link #keep}. */
  public long generation() {
    return generation.get();
  }

  /**
   * Keeps a page rendered for anonymous readers, unless something changed since its rendering began
   * (at {@code since}).
   *
   * @return whether it was kept
   */
  public boolean keep(Key key, Page page, long since) {
    if (generation.get() != since) {
      return false;
    }
    pages.put(key, page);
    if (generation.get() != since) {
      pages.asMap().remove(key, page); // a change came in between: what was kept may be old
      return false;
    }
    return true;
  }

  /**
   * Joins the rendering of an address another reader started, or starts it: empty when this reader
   * is the one to render (and must call {@link #rendered} after), otherwise what the other reader's
   * rendering gives (empty inside if it could not be kept).
   */
  public Optional<CompletableFuture<Optional<Page>>> joinRendering(Key key) {
    var mine = new CompletableFuture<Optional<Page>>();
    var theirs = rendering.putIfAbsent(key, mine);
    return Optional.ofNullable(theirs);
  }

  /** Ends this reader's rendering of an address, handing the page (if kept) to those waiting. */
  public void rendered(Key key, Optional<Page> page) {
    var waiting = rendering.remove(key);
    if (waiting != null) {
      waiting.complete(page);
    }
  }

  /** Forgets every page. */
  public void forgetAll() {
    generation.incrementAndGet();
    pages.invalidateAll();
  }

  /** How many pages are kept (for tests and the system's figures). */
  public long size() {
    pages.cleanUp();
    return pages.estimatedSize();
  }

  void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentPublished published) {
    forgetAll();
  }

  void decided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentVerdict verdict) {
    forgetAll();
  }

  void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberErased erased) {
    forgetAll();
  }

  /**
   * A record pages show is being written: forgotten now, and again once its transaction is surely
   * over (a reader rendering between the write and the commit may have read what was before).
   */
  void changed(@Observes PublicContentChanged changed) {
    try {
      forgetAll();
      scheduler.schedule(this::forgetAll, AFTER_COMMIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "pages not forgotten after a change", e); // never fails the write
    }
  }
}
