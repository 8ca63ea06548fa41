package org.parvis.campaign.api;

/** The brand side's outgoing mail, delivered from its own outbox by whichever site runs it. */
public interface BrandMail {

  /** Sends the due mails, at most one batch; returns how many went out. */
  int deliverDue();

  /** What waits in the brand side's outbox. */
  org.parvis.kernel.api.mail.control.MailOutbox.Backlog backlog();
}
