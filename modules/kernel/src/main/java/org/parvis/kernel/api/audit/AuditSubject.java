package org.parvis.kernel.api.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * What an {@link Audited} action acted on when its arguments do not say it (a form's action takes
 * none): the action names it ({@code about("article 12")}) and the audit trail writes it as the
 * entry's target. One per request.
 */
@RequestScoped
public class AuditSubject {

  private String subject = "";

  /** Names what the action acted on: a username, a handle, an id. */
  public void about(String subject) {
    this.subject = subject == null ? "" : subject;
  }

  /** What the action named, empty when it named nothing. */
  public String subject() {
    return subject;
  }
}
