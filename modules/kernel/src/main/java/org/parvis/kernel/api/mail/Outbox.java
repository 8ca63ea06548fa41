package org.parvis.kernel.api.mail;

import java.util.List;
import org.parvis.kernel.api.mail.control.MailOutbox;

/**
 * One side's outgoing mail as administrators watch it: what waits, the mails whose delivery failed
 * with their last error, and a new attempt asked by hand.
 */
public interface Outbox {

  /** The side whose database keeps this outbox: {@code brand} or {@code network}. */
  String side();

  /** What waits in the outbox. */
  MailOutbox.Backlog backlog();

  /** Unsent mails whose last attempt failed (given up ones included), newest first. */
  List<MailOutbox.Failure> failures(int max);

  /**
   * Makes a failed mail due now with its attempts counted from zero again; false if it was sent
   * meanwhile, is being sent, never failed or does not exist.
   */
  boolean retry(long id);
}
