package org.parvis.console.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parvis.moderation.api.ModerationQueue;
import org.parvis.network.api.AccountWatch;
import org.parvis.network.api.NetworkActivity;
import org.parvis.network.api.NetworkActivity.Metric;

/**
 * The console's dashboard: "how are we doing?" over 7 days, 30 days or 12 months against the period
 * before, each figure linking to where one acts on it; what needs the signed-in member's attention
 * (the moderation queue, frozen accounts, initiatives waiting for an answer) first.
 */
@Named
@RequestScoped
public class Dashboard {

  @Inject NetworkActivity activity;
  @Inject ModerationQueue queue;
  @Inject AccountWatch watch;
  @Inject SecurityContext security;

  @Inject @jakarta.enterprise.inject.Any
  jakarta.enterprise.inject.Instance<org.parvis.kernel.api.ModuleDatabase> databases;

  @Inject org.parvis.campaign.api.BrandMail brandMail;
  @Inject org.parvis.network.api.NetworkMail networkMail;
  @Inject org.parvis.privacy.api.RetentionJobs retention;
  @Inject org.parvis.campaign.api.NewsletterFigures newsletter;

  @Inject @jakarta.enterprise.inject.Any
  jakarta.enterprise.inject.Instance<org.parvis.privacy.api.PrivacyRequests> privacyRequests;

  private String periodCode;
  private Map<Metric, long[]> current;
  private Map<Metric, long[]> previous;

  /** One figure: its metric, its total over the period and over the one before. */
  public record Figure(String metric, long value, long before) {

    /** The change against the period before, in percent (null when there was nothing before). */
    public Long change() {
      return before == 0 ? null : Math.round((value - before) * 100.0 / before);
    }

    public boolean up() {
      return value > before;
    }

    public boolean down() {
      return value < before;
    }
  }

  public Period getPeriod() {
    return Period.of(periodCode);
  }

  public String getPeriodCode() {
    return getPeriod().code();
  }

  public void setPeriodCode(String code) {
    this.periodCode = code;
  }

  public List<Period> getPeriods() {
    return List.of(Period.values());
  }

  public LocalDate getFrom() {
    return getPeriod().from(today());
  }

  public LocalDate getTo() {
    return today();
  }

  /** The network's figures over the period, with the period before. */
  public List<Figure> getFigures() {
    load();
    var figures = new ArrayList<Figure>();
    for (Metric metric : Metric.values()) {
      figures.add(
          new Figure(metric.name(), Period.total(current, metric), Period.total(previous, metric)));
    }
    return figures;
  }

  /** A line of a chart's table: the day (or month) and each metric's count. */
  public record Row(LocalDate start, java.time.Instant at, List<Long> values) {}

  /** The numbers behind a chart of the given metrics (a comma list), one row per point. */
  public List<Row> rows(String metrics) {
    load();
    var names = metrics.split(",");
    var columns = new ArrayList<List<Period.Bucket>>();
    for (String name : names) {
      columns.add(getPeriod().buckets(getFrom(), current.get(Metric.valueOf(name.strip()))));
    }
    var rows = new ArrayList<Row>();
    for (int i = 0; i < columns.get(0).size(); i++) {
      var values = new ArrayList<Long>();
      for (var column : columns) {
        values.add(column.get(i).value());
      }
      LocalDate start = columns.get(0).get(i).start();
      rows.add(new Row(start, start.atStartOfDay(Period.PARIS).toInstant(), values));
    }
    return rows;
  }

  // The page reads each of these several times (a test, then the value): asked once a request.
  private NetworkActivity.Answers answers;
  private List<NetworkActivity.Waiting> waiting;
  private Long queued;
  private Long frozen;
  private org.parvis.privacy.api.RetentionJobs.Execution lastRetention;
  private boolean retentionAsked;

  public NetworkActivity.Answers getAnswers() {
    if (answers == null) {
      answers = activity.answers(getFrom(), getTo());
    }
    return answers;
  }

  /** The share of the initiatives routed in the period that are answered, in percent. */
  public Long getAnswerRate() {
    var answers = getAnswers();
    return answers.routed() == 0 ? null : Math.round(answers.answered() * 100.0 / answers.routed());
  }

  public List<NetworkActivity.Waiting> getWaiting() {
    if (waiting == null) {
      waiting = activity.waitingLongest(5);
    }
    return waiting;
  }

  public boolean isModerator() {
    return security.isCallerInRole("moderator") || security.isCallerInRole("administrator");
  }

  public long getQueued() {
    if (queued == null) {
      queued = isModerator() ? queue.pendingCount() : 0;
    }
    return queued;
  }

  public long getFrozen() {
    if (frozen == null) {
      frozen = isModerator() ? watch.pendingCount() : 0;
    }
    return frozen;
  }

  public boolean isDataProtectionOfficer() {
    return security.isCallerInRole("data_protection_officer") || isAdministrator();
  }

  public boolean isEditor() {
    return security.isCallerInRole("editor") || isAdministrator();
  }

  /** Something for the signed-in member to act on: moderation, or the DPO's requests. */
  public boolean isAttention() {
    return isModerator() || isDataProtectionOfficer();
  }

  private org.parvis.privacy.api.PrivacyRequests.Open privacyOpen;

  /** Both sides' open DPO requests, for the DPO and administrators. */
  public org.parvis.privacy.api.PrivacyRequests.Open getPrivacyOpen() {
    if (privacyOpen == null) {
      privacyOpen = org.parvis.privacy.api.PrivacyRequests.Open.NONE;
      if (isDataProtectionOfficer()) {
        for (var register : privacyRequests) {
          privacyOpen = privacyOpen.plus(register.open(today()));
        }
      }
    }
    return privacyOpen;
  }

  private Long subscribers;
  private java.util.Optional<org.parvis.campaign.api.NewsletterFigures.Campaign> lastCampaign;

  /** Confirmed subscribers of the newsletter, for editors and administrators. */
  public long getSubscribers() {
    if (subscribers == null) {
      subscribers = isEditor() ? newsletter.confirmedSubscribers() : 0;
    }
    return subscribers;
  }

  /** The campaign started last, or null. */
  public org.parvis.campaign.api.NewsletterFigures.Campaign getLastCampaign() {
    if (lastCampaign == null) {
      lastCampaign = isEditor() ? newsletter.lastCampaign() : java.util.Optional.empty();
    }
    return lastCampaign.orElse(null);
  }

  public boolean isAdministrator() {
    return security.isCallerInRole("administrator");
  }

  /** Each database part (brand, network, moderation): up, or why not. */
  public List<org.parvis.kernel.api.DatabaseStatus> getDatabases() {
    var statuses = new ArrayList<org.parvis.kernel.api.DatabaseStatus>();
    for (var database : databases) {
      statuses.add(database.schema().status());
    }
    return statuses;
  }

  /** One side's outbox as the dashboard shows it. */
  public record Outbox(
      String side, org.parvis.kernel.api.mail.control.MailOutbox.Backlog backlog) {}

  public List<Outbox> getOutboxes() {
    return List.of(
        new Outbox("brand", brandMail.backlog()), new Outbox("network", networkMail.backlog()));
  }

  /** The retention job's last execution, or null before the first. */
  public org.parvis.privacy.api.RetentionJobs.Execution getLastRetention() {
    if (!retentionAsked) {
      var runs = retention.executions(1);
      lastRetention = runs.isEmpty() ? null : runs.get(0);
      retentionAsked = true;
    }
    return lastRetention;
  }

  private void load() {
    if (current == null) {
      var period = getPeriod();
      var today = today();
      current = activity.daily(period.from(today), today);
      previous = activity.daily(period.previousFrom(today), period.from(today).minusDays(1));
    }
  }

  private static LocalDate today() {
    return LocalDate.now(Period.PARIS);
  }

  /** The scheduled jobs that have run on this instance, and those whose last run failed. */
  public record Scheduled(int jobs, List<String> failing, java.time.Instant lastRun) {}

  public Scheduled getScheduled() {
    var jobs = org.parvis.kernel.api.jobs.JobRuns.all();
    return new Scheduled(
        jobs.size(),
        jobs.stream().filter(j -> j.lastFailed()).map(j -> j.name()).toList(),
        jobs.stream()
            .map(j -> j.lastStart())
            .max(java.util.Comparator.naturalOrder())
            .orElse(null));
  }
}
