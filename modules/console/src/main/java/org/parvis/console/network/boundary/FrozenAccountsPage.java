package org.parvis.console.network.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.api.AccountWatch;
import org.parvis.network.api.AccountWatch.Freeze;

/**
 * Moderators and administrators review the accounts the dormant-account watch froze: lift the
 * freeze once the holder is known to be in control, or keep it.
 */
@Named
@ViewScoped
public class FrozenAccountsPage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 50;

  @Inject SecurityContext security;
  @Inject AccountWatch watch;
  @Inject PageMessages messages;

  private transient List<Freeze> freezes;

  public List<Freeze> getFreezes() {
    if (freezes == null) {
      freezes = watch.pending(0, PAGE_SIZE);
    }
    return freezes;
  }

  public long getPendingCount() {
    return watch.pendingCount();
  }

  @Audited(value = "FREEZE_REVIEWED", side = "network")
  public void review(long freezeId, boolean lift) {
    var problem = watch.review(security.getCallerPrincipal().getName(), freezeId, lift);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info(lift ? "freeze.lifted" : "freeze.kept");
    freezes = null;
  }
}
