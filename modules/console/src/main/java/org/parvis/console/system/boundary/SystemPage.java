package org.parvis.console.system.boundary;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parvis.kernel.api.DatabaseSchema;
import org.parvis.kernel.api.DatabaseStatus;
import org.parvis.kernel.api.ModuleDatabase;
import org.parvis.kernel.api.StoredBytes;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.mail.Outbox;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.web.PageMessages;

/**
 * The system page for administrators: which Parvis runs on what, each module's migrations, both
 * mail outboxes with their failures (and a new attempt by hand), the batch jobs' executions, the
 * configuration in force with secrets masked, and the room pictures and archives take.
 */
@Named
@ViewScoped
public class SystemPage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int FAILURES_SHOWN = 20;
  static final int EXECUTIONS_SHOWN = 20;

  /** Settings whose value is never shown. */
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(password|passwd|pass|pwd|secret|key|token|credential|private|dsn).*");

  /** Credentials written inside an address ({@code postgresql://user:pass@host}). */
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]+@");

  @Inject @Any Instance<ModuleDatabase> databases;
  @Inject @Any Instance<Outbox> outboxes;
  @Inject @Any Instance<StoredBytes> stored;
  @Inject ExternalContext external;
  @Inject PageMessages messages;
  @Inject jakarta.faces.context.FacesContext faces;

  /** One module's database: its health and migrations, the latest applied first. */
  public record Schema(
      String name,
      String historyTable,
      DatabaseStatus status,
      long applied,
      long pending,
      long failed,
      List<DatabaseSchema.Migration> latest) {}

  /** One side's outbox: what waits and the failures. */
  public record OutboxView(
      String side, MailOutbox.Backlog backlog, List<MailOutbox.Failure> failures) {}

  /** One execution of a batch job, with the items its steps read and wrote. */
  public record Execution(
      String job,
      long id,
      String status,
      String exitStatus,
      Instant startedAt,
      Instant endedAt,
      Long seconds,
      long read,
      long written) {}

  /** One setting in force: its name and its value, or the mask. */
  public record Setting(String name, String value, boolean masked) {}

  /** Room taken, per side and kind. */
  public record Usage(String side, String kind, long items, long bytes) {}

  // The page's lists live as long as the page (view scope): a retry button acts on the mail of the
  // row it was shown on, even if another mail failed meanwhile.
  private transient List<Schema> schemas;
  private transient List<OutboxView> outboxViews;
  private transient List<Execution> executions;

  public String getVersion() {
    try (InputStream in =
        SystemPage.class.getResourceAsStream("/org/parvis/console/system/build.properties")) {
      var properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "?");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String getServer() {
    return ((ServletContext) external.getContext()).getServerInfo();
  }

  public String getJava() {
    return System.getProperty("java.runtime.name", "Java")
        + " "
        + System.getProperty("java.runtime.version", Runtime.version().toString());
  }

  public List<Schema> getSchemas() {
    if (schemas == null) {
      schemas = new ArrayList<>();
      for (var database : databases) {
        var schema = database.schema();
        var migrations = schema.migrations();
        long applied = migrations.stream().filter(m -> m.installedOn() != null).count();
        long pending = migrations.stream().filter(m -> "Pending".equals(m.state())).count();
        long failed = migrations.stream().filter(m -> m.state().startsWith("Fail")).count();
        var latest =
            migrations.stream()
                .filter(m -> m.installedOn() != null)
                .sorted(Comparator.comparing(DatabaseSchema.Migration::installedOn).reversed())
                .limit(3)
                .toList();
        schemas.add(
            new Schema(
                schema.name(),
                schema.historyTable(),
                schema.status(),
                applied,
                pending,
                failed,
                latest));
      }
      schemas.sort(Comparator.comparing(Schema::name));
    }
    return schemas;
  }

  public List<OutboxView> getOutboxes() {
    if (outboxViews == null) {
      outboxViews =
          outboxes.stream()
              .map(o -> new OutboxView(o.side(), o.backlog(), o.failures(FAILURES_SHOWN)))
              .sorted(Comparator.comparing(OutboxView::side))
              .toList();
    }
    return outboxViews;
  }

  /** A failed mail of the brand side due again now. */
  @Audited(value = "MAIL_RETRIED", side = "brand")
  public String retryBrand(long id) {
    return retry("brand", id);
  }

  /** A failed mail of the network side due again now. */
  @Audited(value = "MAIL_RETRIED", side = "network")
  public String retryNetwork(long id) {
    return retry("network", id);
  }

  private String retry(String side, long id) {
    boolean due = outboxes.stream().filter(o -> o.side().equals(side)).anyMatch(o -> o.retry(id));
    outboxViews = null;
    if (due) {
      messages.info("system.mail.retried");
    } else {
      messages.error("system.mail.notRetried");
    }
    messages.keepForNextPage();
    return "/staff/admin/system.xhtml?faces-redirect=true";
  }

  /**
   * The scheduled jobs of this instance and their last runs since it started, the last failure's
   * text with any address in it masked.
   */
  public List<org.parvis.kernel.api.jobs.JobRuns.Job> getScheduled() {
    return org.parvis.kernel.api.jobs.JobRuns.all().stream()
        .map(
            j ->
                new org.parvis.kernel.api.jobs.JobRuns.Job(
                    j.name(),
                    j.runs(),
                    j.failures(),
                    j.handled(),
                    j.lastStart(),
                    j.lastDuration(),
                    j.lastHandled(),
                    j.lastFailed(),
                    j.lastFailureAt(),
                    j.lastFailure().map(MailOutbox::maskedIn)))
        .toList();
  }

  /** The latest executions of every batch job, newest first. */
  public List<Execution> getExecutions() {
    if (executions == null) {
      executions = new ArrayList<>();
      JobOperator operator = BatchRuntime.getJobOperator();
      for (String job : new java.util.TreeSet<>(operator.getJobNames())) {
        for (var instance : operator.getJobInstances(job, 0, EXECUTIONS_SHOWN)) {
          for (JobExecution execution : operator.getJobExecutions(instance)) {
            executions.add(execution(operator, job, execution));
          }
        }
      }
      executions.sort(Comparator.comparing(Execution::id).reversed());
      if (executions.size() > EXECUTIONS_SHOWN) {
        executions = new ArrayList<>(executions.subList(0, EXECUTIONS_SHOWN));
      }
    }
    return executions;
  }

  private static Execution execution(JobOperator operator, String job, JobExecution execution) {
    long read = 0;
    long written = 0;
    for (var step : operator.getStepExecutions(execution.getExecutionId())) {
      for (Metric metric : step.getMetrics() == null ? new Metric[0] : step.getMetrics()) {
        if (metric.getType() == Metric.MetricType.READ_COUNT) {
          read += metric.getValue();
        } else if (metric.getType() == Metric.MetricType.WRITE_COUNT) {
          written += metric.getValue();
        }
      }
    }
    Instant started =
        execution.getStartTime() == null ? null : execution.getStartTime().toInstant();
    Instant ended = execution.getEndTime() == null ? null : execution.getEndTime().toInstant();
    return new Execution(
        job,
        execution.getExecutionId(),
        String.valueOf(execution.getBatchStatus()),
        execution.getExitStatus(),
        started,
        ended,
        started == null || ended == null ? null : Duration.between(started, ended).toSeconds(),
        read,
        written);
  }

  /** Parvis's settings in force (PARVIS_* and parvis.*), in name order, secrets masked. */
  public List<Setting> getSettings() {
    var config = ConfigProvider.getConfig();
    var found = new TreeMap<String, Setting>();
    for (String name : config.getPropertyNames()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("parvis.") && !lower.startsWith("parvis_")) {
        continue;
      }
      String value = config.getOptionalValue(name, String.class).orElse("");
      boolean secret = SECRET.matcher(name).matches() && !value.isEmpty();
      String shown = URL_CREDENTIALS.matcher(value).replaceAll("••••@");
      found.put(name, new Setting(name, secret ? null : shown, secret));
    }
    return List.copyOf(found.values());
  }

  /** A size in the reader's units: "830 octets", "12,3 Mo". */
  public String size(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    var number = java.text.NumberFormat.getNumberInstance(faces.getViewRoot().getLocale());
    number.setMaximumFractionDigits(unit == 0 ? 0 : 1);
    return messages.text("system.unit." + units[unit], number.format(value));
  }

  /** The room pictures and archives take, per side. */
  public List<Usage> getUsage() {
    return StreamSupport.stream(stored.spliterator(), false)
        .flatMap(
            s -> s.usage().stream().map(u -> new Usage(s.side(), u.kind(), u.items(), u.bytes())))
        .sorted(Comparator.comparing(Usage::side).thenComparing(Usage::kind))
        .toList();
  }
}
