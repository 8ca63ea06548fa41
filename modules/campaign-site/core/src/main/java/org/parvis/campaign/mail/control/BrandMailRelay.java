package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parvis.campaign.api.BrandMail;
import org.parvis.kernel.api.mail.control.OutboxRelayBase;
import org.parvis.kernel.api.mail.control.OutboxStepsBase;

/**
 * Delivers the brand database's outbox: staff notices, newsletter confirmations and campaigns. Each
 * mail is claimed in a transaction of its own before it goes to the SMTP server and settled in
 * another after: a server stopped in between leaves that one mail claimed and never sends it again
 * (a campaign must not reach anyone twice); a refused mail is retried later.
 */
@ApplicationScoped
public class BrandMailRelay extends OutboxRelayBase implements BrandMail {

  static final int BATCH = 50;

  @Inject OutboxSteps steps;

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
    return "brand";
  }
}
