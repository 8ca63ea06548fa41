package org.parvis.kernel.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobRunsTest {

  private static JobRuns.Job job(String name) {
    return JobRuns.all().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void eachRunIsCountedWithWhatItHandled() {
    String name = "test.counted." + System.nanoTime();
    assertThat(JobRuns.run(name, () -> 3)).isEqualTo(3);
    JobRuns.run(name, () -> 4);
    var job = job(name);
    assertThat(job.runs()).isEqualTo(2);
    assertThat(job.handled()).isEqualTo(7);
    assertThat(job.lastHandled()).isEqualTo(4);
    assertThat(job.failures()).isZero();
    assertThat(job.lastFailed()).isFalse();
    assertThat(job.lastStart()).isNotNull();
  }

  @Test
  void aFailureIsRecordedThrownAgainAndRememberedAfterALaterSuccess() {
    String name = "test.failing." + System.nanoTime();
    assertThatThrownBy(
            () ->
                JobRuns.run(
                    name,
                    () -> {
                      throw new IllegalStateException("database down");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(job(name).lastFailed()).isTrue();
    assertThat(job(name).lastFailure()).contains("IllegalStateException: database down");

    JobRuns.run(name, () -> 1);
    var job = job(name);
    assertThat(job.lastFailed()).isFalse();
    assertThat(job.runs()).isEqualTo(2);
    assertThat(job.failures()).isEqualTo(1);
    assertThat(job.lastFailure()).as("the last failure stays in view").isPresent();
  }

  @Test
  void jobsAreListedByName() {
    JobRuns.run("test.z." + System.nanoTime(), () -> 0);
    JobRuns.run("test.a." + System.nanoTime(), () -> 0);
    var names = JobRuns.all().stream().map(JobRuns.Job::name).toList();
    assertThat(names).isSorted();
  }
}
