package org.parvis.campaign.newsletter.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.campaign.api.BrandMail;
import org.parvis.campaign.news.control.Newsroom;
import org.parvis.campaign.newsletter.control.Campaigns;
import org.parvis.kernel.api.jobs.JobRuns;

/**
 * The brand site's background work on the server's managed threads: publishing scheduled articles,
 * queueing campaigns at the configured rate ({@code parvis.newsletter.mails-per-minute}) and
 * delivering the brand outbox. Everything they do is in the database, so a restart resumes it.
 */
@ApplicationScoped
public class BrandJobs {

  private static final Logger LOG = Logger.getLogger(BrandJobs.class.getName());
  static final int TICK_SECONDS = 5;

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;
  @Inject Newsroom newsroom;
  @Inject Campaigns campaigns;
  @Inject BrandMail mail;
  @Inject org.parvis.campaign.schema.control.BrandDatabase database;

  @Inject
  @ConfigProperty(name = "parvis.newsletter.mails-per-minute", defaultValue = "600")
  int mailsPerMinute;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  void start() {
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () ->
                quietly(
                    "publishing",
                    () ->
                        JobRuns.run("brand.publishing", () -> newsroom.publishDue(Instant.now()))),
            TICK_SECONDS,
            TICK_SECONDS,
            TimeUnit.SECONDS));
    int perTick = Math.max(1, mailsPerMinute * TICK_SECONDS / 60);
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () ->
                quietly(
                    "campaigns",
                    () -> {
                      JobRuns.run(
                          "brand.newsletter", () -> campaigns.sendDue(perTick, Instant.now()));
                      JobRuns.run("brand.outbox", mail::deliverDue);
                    }),
            TICK_SECONDS,
            TICK_SECONDS,
            TimeUnit.SECONDS));
  }

  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }

  /** Delivers the outbox now (a confirmation link someone is waiting for). */
  public void deliverSoon() {
    executor.execute(() -> quietly("outbox", () -> JobRuns.run("brand.outbox", mail::deliverDue)));
  }

  private void quietly(String what, Runnable job) {
    // Not before the schema is migrated (the first start migrates while the jobs are scheduled).
    if (!database.schema().migrate().succeeded()) {
      return;
    }
    try {
      job.run();
    } catch (RuntimeException e) {
      // The database may be down for a while; the next run tries again.
      LOG.log(Level.FINE, "Brand job " + what + " not done this time", e);
    }
  }
}
