package org.parvis.console.privacy.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.privacy.api.RetentionJobs;

/**
 * Starts the retention job every day at {@code parvis.retention.time} (Paris time, 03:30 by
 * default), while the console runs. The job is idempotent: a day missed is caught up the next.
 */
@WebListener
public class RetentionSchedule implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject RetentionJobs jobs;

  @Inject
  @ConfigProperty(name = "parvis.retention.time", defaultValue = "03:30")
  String time;

  private ScheduledFuture<?> next;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    plan();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (next != null) {
      next.cancel(false);
    }
  }

  private synchronized void plan() {
    next =
        scheduler.schedule(
            this::runAndPlan,
            untilNext(ZonedDateTime.now(PARIS), timeOfDay(time)).toMillis(),
            TimeUnit.MILLISECONDS);
  }

  static final LocalTime DEFAULT_TIME = LocalTime.of(3, 30);

  /**
   * The configured time of day; one that is not a time (e.g. "3h30") keeps the default, loudly,
   * rather than leaving the console undeployed or the job never scheduled.
   */
  static LocalTime timeOfDay(String value) {
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      LOG.warning(
          "parvis.retention.time=" + value + " is not a time of day (e.g. 03:30): " + DEFAULT_TIME);
      return DEFAULT_TIME;
    }
  }

  /** From now to the next time of day {@code at} in now's zone (today's if still to come). */
  static Duration untilNext(ZonedDateTime now, LocalTime at) {
    var next = now.with(at);
    if (!next.isAfter(now)) {
      next = now.plusDays(1).with(at);
    }
    return Duration.between(now, next);
  }

  private void runAndPlan() {
    try {
      long execution = jobs.start(null);
      LOG.info("Retention job started, execution " + execution);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The retention job could not start", e);
    } finally {
      plan();
    }
  }
}
