package org.parvis.network.pages.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many times what public pages show has changed: a counter that pages kept for readers are
 * checked against (a page rendered before a change is not served after it). Told by whatever writes
 * what pages show (entities through {@code PublicPagesListener}, moderation's verdicts, erasures),
 * in the writing transaction, before its commit: the counter therefore moves again half a second
 * and five seconds after a change, so that a page rendered between the write and its commit is not
 * kept either.
 *
 * <p>Static and in the application's libraries on purpose: the console's actions (a moderator's
 * decision, a DPO's erasure, a mandate) write through this module's controls on the console's
 * threads, where CDI observers of the network's web module are not told; a class loaded once for
 * the whole application is seen by every module. Per instance: another instance's pages go stale by
 * their freshness.
 */
public final class PublicChanges {

  /** When the counter moves again after a change (its transaction surely over). */
  static final long[] ECHO_NANOS = {
    TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(5)
  };

  private static final long NONE = Long.MIN_VALUE;
  private static final AtomicLong GENERATION = new AtomicLong();
  private static final AtomicLongArray ECHO_AT = new AtomicLongArray(ECHO_NANOS.length);

  static {
    for (int i = 0; i < ECHO_NANOS.length; i++) {
      ECHO_AT.set(i, NONE);
    }
  }

  private PublicChanges() {}

  /**
   * Something public pages show is being written. A burst of changes plans one echo per delay: the
   * first change's (the five-second echo covers the later ones).
   */
  public static void changed() {
    long now = System.nanoTime();
    GENERATION.incrementAndGet();
    for (int i = 0; i < ECHO_NANOS.length; i++) {
      ECHO_AT.compareAndSet(i, NONE, now + ECHO_NANOS[i]);
    }
  }

  /** The counter now, its echoes due counted (moved lazily, by the first reader after them). */
  public static long generation() {
    long now = System.nanoTime();
    for (int i = 0; i < ECHO_NANOS.length; i++) {
      long at = ECHO_AT.get(i);
      if (at != NONE && now - at >= 0 && ECHO_AT.compareAndSet(i, at, NONE)) {
        GENERATION.incrementAndGet();
      }
    }
    return GENERATION.get();
  }
}
