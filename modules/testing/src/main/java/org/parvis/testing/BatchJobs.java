package org.parvis.testing;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Waits, inside the server, for a Jakarta Batch job to end: on its status, not for a time. */
public final class BatchJobs {

  private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);

  private BatchJobs() {}

  /**
   * The status the execution ended with, checked every 100 ms; fails with the execution's id and
   * last status if it is still running after {@code limit}.
   */
  public static BatchStatus ended(long execution, Duration limit) throws InterruptedException {
    var operator = BatchRuntime.getJobOperator();
    Instant deadline = Instant.now().plus(limit);
    BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
    while (RUNNING.contains(status)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "job execution " + execution + " still " + status + " after " + limit);
      }
      Thread.sleep(100);
      status = operator.getJobExecution(execution).getBatchStatus();
    }
    return status;
  }
}
