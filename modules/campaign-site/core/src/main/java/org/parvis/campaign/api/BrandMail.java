package org.parvis.campaign.api;

import org.parvis.kernel.api.mail.Outbox;

/** The brand side's outgoing mail, delivered from its own outbox by whichever site runs it. */
public interface BrandMail extends Outbox {

  /** Sends the due mails, at most one batch; returns how many went out. */
  int deliverDue();
}
