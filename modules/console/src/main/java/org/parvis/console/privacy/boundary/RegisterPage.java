package org.parvis.console.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.parvis.kernel.api.privacy.ProcessingRegister;

/**
 * The processing register (GDPR art. 30) for the data protection officer: every column that may
 * hold personal data, by database and module, with its category, purpose, retention and legal
 * basis, as the modules declare it next to their migrations.
 */
@Named
@RequestScoped
public class RegisterPage {

  private List<ProcessingRegister.Entry> all;

  private List<ProcessingRegister.Entry> all() {
    if (all == null) {
      all = ProcessingRegister.all(Thread.currentThread().getContextClassLoader());
    }
    return all;
  }

  /** The fields holding personal data (the CSV export has every field, personal or not). */
  public List<ProcessingRegister.Entry> getEntries() {
    return all().stream().filter(ProcessingRegister.Entry::personal).toList();
  }

  public long getPersonalCount() {
    return getEntries().size();
  }

  /** How many fields the register classifies in all: every column of both databases. */
  public int getFieldCount() {
    return all().size();
  }
}
