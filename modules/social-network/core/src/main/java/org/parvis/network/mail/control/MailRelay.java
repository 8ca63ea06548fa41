package org.parvis.network.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.mail.control.OutboxRelayBase;
import org.parvis.kernel.api.mail.control.OutboxStepsBase;

/**
 * Delivers the network database's outbox: called every few seconds by the network site, and right
 * after a page has queued a mail. Each mail is claimed before it goes to the SMTP server and
 * settled after, each step in a transaction of its own (see {@link MailOutbox#deliver}): two
 * servers never send it twice, and no connection is held while SMTP answers. A refused delivery is
 * retried later; nothing is lost.
 */
@ApplicationScoped
public class MailRelay extends OutboxRelayBase implements org.parvis.network.api.NetworkMail {

  static final int BATCH = 20;

  @Inject NetworkOutboxSteps steps;

  @Override
  protected OutboxStepsBase steps() {
    return steps;
  }

  @Override
  protected int batch() {
    return BATCH;
  }

  @Override
  public String side() {
    return "network";
  }
}
