package org.parvis.kernel.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The scheduled background jobs of this instance (roll-ups, outbox relays, retention…) and how
 * their last runs went, for the console's system page and dashboard: when each last ran, how long
 * it took, how many items it handled, how many runs failed and the last failure. Kept in memory
 * since the instance started (the jobs run every few seconds: writing each run to a database would
 * cost more than the job); the batch jobs keep their own executions in the batch repository.
 *
 * <p>Shared by every module of the application: the class is loaded once, from the application's
 * libraries, so a job run by one web module is seen by the console.
 */
public final class JobRuns {

  private static final Map<String, Job> JOBS = new ConcurrentHashMap<>();

  private JobRuns() {}

  /**
   * Runs a job and records the run under {@code name} ({@code network.rollup}): the work returns
   * how many items it handled. A failure is recorded, then thrown again to the caller.
   */
  public static long run(String name, LongSupplier work) {
    Instant started = Instant.now();
    long begin = System.nanoTime();
    try {
      long handled = work.getAsLong();
      record(name, started, Duration.ofNanos(System.nanoTime() - begin), handled, null);
      return handled;
    } catch (RuntimeException | Error e) {
      record(name, started, Duration.ofNanos(System.nanoTime() - begin), 0, e);
      throw e;
    }
  }

  /** Records a run that took place: its start, duration, items handled, and failure if any. */
  public static void record(
      String name, Instant started, Duration took, long handled, Throwable failure) {
    JOBS.compute(
        name,
        (key, job) -> (job == null ? Job.first(key) : job).after(started, took, handled, failure));
  }

  /** Every job that ran at least once since the instance started, by name. */
  public static List<Job> all() {
    return JOBS.values().stream().sorted(Comparator.comparing(Job::name)).toList();
  }

  /** One job and its runs so far. */
  public record Job(
      String name,
      long runs,
      long failures,
      long handled,
      Instant lastStart,
      Duration lastDuration,
      long lastHandled,
      boolean lastFailed,
      Optional<Instant> lastFailureAt,
      Optional<String> lastFailure) {

    static Job first(String name) {
      return new Job(
          name, 0, 0, 0, null, Duration.ZERO, 0, false, Optional.empty(), Optional.empty());
    }

    Job after(Instant started, Duration took, long count, Throwable failure) {
      boolean failed = failure != null;
      return new Job(
          name,
          runs + 1,
          failures + (failed ? 1 : 0),
          handled + count,
          started,
          took,
          count,
          failed,
          failed ? Optional.of(started) : lastFailureAt,
          failed ? Optional.of(describe(failure)) : lastFailure);
    }

    /** The last run's duration in milliseconds (for display). */
    public long lastMillis() {
      return lastDuration.toMillis();
    }

    private static String describe(Throwable failure) {
      String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
      return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
  }
}
