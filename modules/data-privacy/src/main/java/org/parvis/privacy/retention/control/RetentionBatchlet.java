package org.parvis.privacy.retention.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.RetentionProvider;
import org.parvis.privacy.api.RetentionRun;

/**
 * One step of the retention job: the categories of every provider of one side, each applied in its
 * own transaction and journalled with its count, a failure in one not stopping the others.
 */
@Dependent
@Named("parvisRetention")
public class RetentionBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(RetentionBatchlet.class.getName());

  @Inject JobContext job;

  @Inject
  @BatchProperty(name = "side")
  String side;

  @Inject
  @BatchProperty(name = "asOf")
  String asOf;

  @Inject @Any Instance<RetentionProvider> providers;

  private volatile boolean stopping;

  @Override
  public String process() {
    Instant at = asOf == null || asOf.isBlank() ? Instant.now() : Instant.parse(asOf);
    DataSide wanted = DataSide.valueOf(side);
    int failed = 0;
    var ofSide =
        providers.stream()
            .filter(p -> p.side() == wanted)
            .sorted(Comparator.comparing(RetentionProvider::module))
            .toList();
    for (RetentionProvider provider : ofSide) {
      for (var category : provider.categories()) {
        if (stopping) {
          return "STOPPED";
        }
        Instant started = Instant.now();
        int affected = 0;
        String error = null;
        try {
          affected = provider.apply(category.name(), at);
        } catch (RuntimeException e) {
          failed++;
          error = e.getClass().getSimpleName() + ": " + e.getMessage();
          error = error.length() > 500 ? error.substring(0, 500) : error;
          LOG.log(Level.WARNING, "Retention of " + category.name() + " failed", e);
        }
        provider.record(
            new RetentionRun(
                job.getExecutionId(),
                category.name(),
                category.period().toString(),
                at,
                started,
                Instant.now(),
                affected,
                error));
      }
    }
    return failed == 0 ? "COMPLETED" : "FAILED " + failed;
  }

  @Override
  public void stop() {
    stopping = true;
  }
}
