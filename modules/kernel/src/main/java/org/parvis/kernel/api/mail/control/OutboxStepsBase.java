package org.parvis.kernel.api.mail.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The delivery steps of {@link MailOutbox#deliver} on one side's outbox. Each side extends it with
 * its own persistence unit and annotates the bean {@code @Transactional(REQUIRES_NEW)}, so that
 * every step commits on its own and no connection is held while SMTP answers.
 */
public abstract class OutboxStepsBase implements MailOutbox.Steps {

  /** The entity manager of the side's unit. */
  protected abstract EntityManager entityManager();

  @Override
  public List<MailOutbox.Mail> due(Instant now, int limit) {
    return new MailOutbox(entityManager()).due(now, limit);
  }

  @Override
  public boolean claim(long id, Instant now) {
    return new MailOutbox(entityManager()).claim(id, now);
  }

  @Override
  public void sent(long id, Instant now) {
    new MailOutbox(entityManager()).sent(id, now);
  }

  @Override
  public void failed(MailOutbox.Mail mail, String error, Instant now) {
    new MailOutbox(entityManager()).failed(mail, error, now);
  }

  /** What waits in the side's outbox. */
  public MailOutbox.Backlog backlog() {
    return new MailOutbox(entityManager()).backlog();
  }

  /** Unsent mails whose last attempt failed, newest first. */
  public List<MailOutbox.Failure> failures(int max) {
    return new MailOutbox(entityManager()).failures(max);
  }

  /** A failed mail due again now, attempts from zero (see {@link MailOutbox#retry}). */
  public boolean retry(long id, Instant now) {
    return new MailOutbox(entityManager()).retry(id, now);
  }
}
