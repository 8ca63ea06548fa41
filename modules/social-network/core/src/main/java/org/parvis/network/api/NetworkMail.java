package org.parvis.network.api;

import org.parvis.kernel.api.mail.control.MailOutbox;

/** The network side's outgoing mail, as the console's dashboard watches it. */
public interface NetworkMail {

  /** What waits in the network side's outbox. */
  MailOutbox.Backlog backlog();
}
