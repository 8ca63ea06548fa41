package org.parvis.privacy.api;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The retention job (Jakarta Batch, {@code parvis-retention}): started by the daily schedule or by
 * the DPO, its executions kept by the batch runtime, what it did kept in each side's journal.
 */
@ApplicationScoped
public class RetentionJobs {

  public static final String JOB = "parvis-retention";

  /** A category as the DPO sees it. */
  public record Category(DataSide side, String module, RetentionCategory category) {}

  /** One execution of the job. */
  public record Execution(
      long id, String status, String exitStatus, Instant startedAt, Instant endedAt, String asOf) {}

  @Inject @Any Instance<RetentionProvider> providers;

  /**
   * Starts the job.
   *
   * @param asOf the time the periods are counted from; null means now (tests set it, to see what
   *     happens in three years without waiting for them)
   * @return the execution id
   */
  public long start(Instant asOf) {
    var parameters = new Properties();
    if (asOf != null) {
      parameters.setProperty("asOf", asOf.toString());
    }
    return operator().start(JOB, parameters);
  }

  /** The latest executions, newest first. */
  public List<Execution> executions(int limit) {
    JobOperator operator = operator();
    List<Execution> found = new ArrayList<>();
    try {
      for (var instance : operator.getJobInstances(JOB, 0, limit)) {
        for (JobExecution execution : operator.getJobExecutions(instance)) {
          var parameters = operator.getParameters(execution.getExecutionId());
          String asOf = parameters == null ? null : parameters.getProperty("asOf");
          found.add(
              new Execution(
                  execution.getExecutionId(),
                  String.valueOf(execution.getBatchStatus()),
                  execution.getExitStatus(),
                  execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                  execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
                  asOf));
        }
      }
    } catch (NoSuchJobException never) {
      return List.of();
    }
    found.sort(Comparator.comparingLong(Execution::id).reversed());
    return found.size() > limit ? found.subList(0, limit) : found;
  }

  /** Every category of every module, network side first. */
  public List<Category> categories() {
    return providers.stream()
        .sorted(
            Comparator.comparing((RetentionProvider p) -> p.side() == DataSide.BRAND)
                .thenComparing(RetentionProvider::module))
        .flatMap(p -> p.categories().stream().map(c -> new Category(p.side(), p.module(), c)))
        .toList();
  }

  /** The latest runs of every category, both sides, newest first. */
  public List<RetentionRun> journal(int limit) {
    return providers.stream()
        .flatMap(p -> p.journal(limit).stream())
        .sorted(
            Comparator.comparing(RetentionRun::startedAt)
                .reversed()
                .thenComparing(RetentionRun::category))
        .limit(limit)
        .toList();
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
