package org.parvis.network.site.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.network.pages.control.PublicChanges;

/**
 * The public pages as anonymous readers get them, rendered once and served many times: when an
 * initiative is shared widely, thousands read the same page in the same language. A page is fresh
 * for a few seconds ({@code parvis.network.page-cache-seconds}, default 2; 0 turns the cache off):
 * with the roll-up folding signatures every 2 s, a reader sees a signature within 4 s. Then the
 * first reader renders it again while the others still get the copy (stale while revalidating, for
 * at most 30 s).
 *
 * <p>What must show at once does: a page is served only while nothing it may show has changed since
 * its rendering began ({@link PublicChanges}, told by every write of an initiative, comment,
 * answer, mandate or freeze, by moderation's verdicts and by erasures, whichever module's thread
 * makes them; told before the commit, it moves again half a second and five seconds later). What is
 * written by SQL alone (signatures, volunteers, followers, badges, deadlines passed, a member's
 * choices such as leaving the rankings) shows within the freshness.
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

  @Inject
  @ConfigProperty(name = "parvis.network.page-cache-seconds", defaultValue = "2")
  int freshSeconds;

  private Cache<Key, Page> pages;

  private final Map<Key, CompletableFuture<Optional<Page>>> rendering = new ConcurrentHashMap<>();

  /**
   * A page's address as readers share it: path, query string, language, and whether it was asked
   * over HTTPS (the security headers differ).
   */
  public record Key(String path, String query, String language, boolean secure) {}

  /**
   * A rendered page: its status (always 200), headers in the order they were set, body, validator,
   * where the changes stood when its rendering began, when it was rendered and when it stops being
   * fresh.
   */
  public record Page(
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String etag,
      long generation,
      long renderedNanos,
      long freshUntilNanos,
      AtomicBoolean renewing) {

    boolean fresh() {
      return System.nanoTime() - freshUntilNanos < 0;
    }

    /** Whole seconds it stays fresh from now, 0 once stale. */
    long freshSecondsLeft() {
      return Math.max(0, TimeUnit.NANOSECONDS.toSeconds(freshUntilNanos - System.nanoTime()));
    }

    /** Whole seconds since it was rendered (the {@code Age} proxies are told). */
    long age() {
      return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - renderedNanos);
    }

    /** True for the one reader who renders a stale page again; the others get the copy. */
    boolean claimRenewal() {
      return renewing.compareAndSet(false, true);
    }

    /** The renewal failed or could not be kept: the next reader tries. */
    void renewalDropped() {
      renewing.set(false);
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

  /**
   * The page kept for this address, fresh or stale, unless what it may show changed since its
   * rendering began.
   */
  public Optional<Page> find(Key key) {
    var page = pages.getIfPresent(key);
    if (page != null && page.generation() != PublicChanges.generation()) {
      pages.asMap().remove(key, page);
      return Optional.empty();
    }
    return Optional.ofNullable(page);
  }

  /**
   * Builds the page to keep, fresh for the configured time from now; {@code since} is where the
   * changes stood when its rendering began.
   */
  public Page page(List<Map.Entry<String, String>> headers, byte[] body, String etag, long since) {
    long now = System.nanoTime();
    return new Page(
        List.copyOf(headers),
        body,
        etag,
        since,
        now,
        now + Duration.ofSeconds(freshSeconds).toNanos(),
        new AtomicBoolean());
  }

  /**
   * Where the changes stand: taken when a rendering begins; the statement-count diagnostics show
   * it, so that tests tell a change from the freshness running out.
   */
  public long generation() {
    return PublicChanges.generation();
  }

  /**
   * Keeps a page rendered for anonymous readers, unless something changed since its rendering
   * began.
   *
   * @return whether it was kept
   */
  public boolean keep(Key key, Page page) {
    if (page.generation() != PublicChanges.generation()) {
      return false;
    }
    pages.put(key, page);
    return true;
  }

  /** A rendering of an address: whether this reader does it, and where its page will be given. */
  public record Rendering(boolean mine, CompletableFuture<Optional<Page>> page) {}

  /**
   * Joins the rendering of an address another reader started, or starts it (then {@link
   * Rendering#mine()} is true and {@link #rendered} must be called after).
   */
  public Rendering joinRendering(Key key) {
    var mine = new CompletableFuture<Optional<Page>>();
    var theirs = rendering.putIfAbsent(key, mine);
    return theirs == null ? new Rendering(true, mine) : new Rendering(false, theirs);
  }

  /** Ends this reader's rendering, handing the page (if kept) to those waiting for it. */
  public void rendered(Key key, Rendering mine, Optional<Page> page) {
    rendering.remove(key, mine.page());
    mine.page().complete(page);
  }

  /** How many pages are kept. */
  public long size() {
    pages.cleanUp();
    return pages.estimatedSize();
  }
}
