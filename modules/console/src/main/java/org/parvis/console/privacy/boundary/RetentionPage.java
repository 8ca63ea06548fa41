package org.parvis.console.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.privacy.api.RetentionJobs;
import org.parvis.privacy.api.RetentionRun;

/**
 * Retention for the DPO: each category's period and what happens at its end, the latest runs of the
 * job with what each category deleted or anonymised, and a button to run it now.
 */
@Named
@RequestScoped
public class RetentionPage {

  @Inject RetentionJobs jobs;
  @Inject PageMessages messages;

  private List<RetentionJobs.Category> categories;
  private List<RetentionJobs.Execution> executions;
  private List<RetentionRun> runs;

  public List<RetentionJobs.Category> getCategories() {
    if (categories == null) {
      categories = jobs.categories();
    }
    return categories;
  }

  public List<RetentionJobs.Execution> getExecutions() {
    if (executions == null) {
      executions = jobs.executions(10);
    }
    return executions;
  }

  public List<RetentionRun> getRuns() {
    if (runs == null) {
      runs = jobs.journal(60);
    }
    return runs;
  }

  @Audited(value = "RETENTION_RUN", side = "brand")
  public String runNow() {
    jobs.start(null);
    messages.info("retention.started");
    messages.keepForNextPage();
    return "/staff/privacy/retention.xhtml?faces-redirect=true";
  }
}
