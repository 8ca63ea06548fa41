package org.parvis.kernel.api.mail.control;

import java.time.Clock;
import java.util.List;
import org.parvis.kernel.api.mail.Outbox;

/**
 * One side's mail relay: delivers its outbox through {@link MailOutbox#deliver} a batch at a time
 * and shows it to administrators. Each side extends it with its own steps (its persistence unit).
 */
public abstract class OutboxRelayBase implements Outbox {

  private final Clock clock = Clock.systemUTC();

  /** The side's delivery steps, each committed on its own. */
  protected abstract OutboxStepsBase steps();

  /** How many mails one delivery run sends at most. */
  protected abstract int batch();

  /** Sends the due mails, at most one batch; returns how many went out. */
  public synchronized int deliverDue() {
    return MailOutbox.deliver(steps(), clock, batch());
  }

  @Override
  public MailOutbox.Backlog backlog() {
    return steps().backlog();
  }

  @Override
  public List<MailOutbox.Failure> failures(int max) {
    return steps().failures(max);
  }

  @Override
  public boolean retry(long id) {
    return steps().retry(id, clock.instant());
  }
}
