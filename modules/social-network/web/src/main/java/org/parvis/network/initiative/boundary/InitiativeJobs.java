package org.parvis.network.initiative.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.jobs.JobRuns;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Petitions;
import org.parvis.network.mail.boundary.OutboxDelivery;

/**
 * The network's background work while the site runs: the activity ledger folded into the counts and
 * rankings every two seconds (lists show counts at most that late) and the badges of the members it
 * credited brought up to date, then every minute initiatives past their deadline closed, the
 * dashboard's daily counts brought up to date and notification emails due queued and sent.
 */
@WebListener
public class InitiativeJobs implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(InitiativeJobs.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Petitions petitions;
  @Inject org.parvis.network.ranking.control.Badges badges;
  @Inject Initiatives initiatives;
  @Inject Notifications notifications;
  @Inject org.parvis.network.activity.control.ActivityCounts activity;
  @Inject OutboxDelivery delivery;
  @Inject org.parvis.network.schema.control.NetworkDatabase database;

  @Inject
  @ConfigProperty(name = "parvis.network.notification-mail-seconds", defaultValue = "60")
  int notificationSeconds;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  @Override
  public void contextInitialized(ServletContextEvent event) {
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () ->
                quietly(
                    () -> {
                      JobRuns.run(
                          "network.rollup",
                          () -> {
                            long folded = 0;
                            for (int n = petitions.rollUp(); n > 0; n = petitions.rollUp()) {
                              folded += n; // a burst bigger than one batch is folded at once
                            }
                            return folded;
                          });
                      JobRuns.run(
                          "network.badges",
                          () -> {
                            long awarded = 0;
                            for (int n = badges.awardDue(200); n > 0; n = badges.awardDue(200)) {
                              awarded += n; // the members credited by the roll-up, at once
                            }
                            return awarded;
                          });
                    }),
            2,
            2,
            TimeUnit.SECONDS));
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            () ->
                quietly(
                    () -> {
                      JobRuns.run("network.deadlines", initiatives::closeExpired);
                      JobRuns.run("network.daily-counts", activity::refresh);
                      if (JobRuns.run("network.notifications", notifications::mailDue) > 0) {
                        delivery.soon();
                      }
                    }),
            Math.min(30, notificationSeconds),
            notificationSeconds,
            TimeUnit.SECONDS));
  }

  private static volatile String lastProblem;

  /**
   * The database may be down or not migrated yet: the next run tries again. A new problem is logged
   * as a warning once, its repetitions only at FINE (the roll-up runs every 2 s).
   */
  private void quietly(Runnable job) {
    // Not before the schema is migrated (the first start migrates while the jobs are scheduled).
    if (!database.schema().migrate().succeeded()) {
      return;
    }
    try {
      job.run();
      lastProblem = null;
    } catch (RuntimeException e) {
      String problem = String.valueOf(e);
      boolean repeated = problem.equals(lastProblem);
      lastProblem = problem;
      LOG.log(repeated ? Level.FINE : Level.WARNING, "Network job failed, will retry", e);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    tasks.forEach(t -> t.cancel(false));
  }
}
