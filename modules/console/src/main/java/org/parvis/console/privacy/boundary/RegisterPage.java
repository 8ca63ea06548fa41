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

  private List<ProcessingRegister.Entry> entries;

  public List<ProcessingRegister.Entry> getEntries() {
    if (entries == null) {
      entries = ProcessingRegister.all(Thread.currentThread().getContextClassLoader());
    }
    return entries;
  }

  public long getPersonalCount() {
    return getEntries().stream().filter(ProcessingRegister.Entry::personal).count();
  }
}
