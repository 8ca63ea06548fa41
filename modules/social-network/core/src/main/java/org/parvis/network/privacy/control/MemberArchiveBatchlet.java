package org.parvis.network.privacy.control;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds one member's archive: reads their data category by category (saving the progress after
 * each), writes the ZIP, and makes it downloadable.
 */
@Dependent
@Named("memberArchiveBatchlet")
public class MemberArchiveBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(MemberArchiveBatchlet.class.getName());

  @Inject
  @BatchProperty(name = "archive")
  String archive;

  @Inject MemberArchives archives;
  @Inject MemberExport export;

  @Override
  public String process() {
    long id = Long.parseLong(archive);
    var owner = archives.begin(id, Instant.now());
    if (owner.isEmpty()) {
      return "NOT_QUEUED";
    }
    try {
      var data = new LinkedHashMap<String, List<Map<String, Object>>>();
      int steps = export.steps();
      for (int step = 0; step < steps; step++) {
        data.putAll(export.step(step, owner.get().memberId()));
        archives.progress(id, (step + 1) * 95 / steps);
      }
      Instant now = Instant.now();
      archives.ready(id, owner.get(), MemberArchiveZip.of(data, now), now);
      return "READY";
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Archive " + id + " failed", e);
      archives.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
      return "FAILED";
    }
  }
}
