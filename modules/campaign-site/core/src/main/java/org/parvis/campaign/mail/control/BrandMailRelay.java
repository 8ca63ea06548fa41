package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.campaign.api.BrandMail;
import org.parvis.kernel.api.mail.control.MailTransport;

/**
 * Delivers the brand database's outbox: staff notices, newsletter confirmations and campaigns. Each
 * mail is claimed in a transaction of its own before it goes to the SMTP server and settled in
 * another after: a server stopped in between leaves that one mail claimed and never sends it again
 * (a campaign must not reach anyone twice); a refused mail is retried later.
 */
@ApplicationScoped
public class BrandMailRelay implements BrandMail {

  private static final Logger LOG = Logger.getLogger(BrandMailRelay.class.getName());
  static final int BATCH = 50;

  @Inject OutboxSteps steps;

  Clock clock = Clock.systemUTC();

  @Override
  public synchronized int deliverDue() {
    int sent = 0;
    for (var mail : steps.due(clock.instant(), BATCH)) {
      if (!steps.claim(mail.id(), clock.instant())) {
        continue;
      }
      try {
        MailTransport.send(mail);
        steps.sent(mail.id(), clock.instant());
        sent++;
      } catch (jakarta.mail.MessagingException | RuntimeException e) {
        LOG.log(Level.WARNING, "Mail {0} not sent, will retry: {1}", new Object[] {mail.id(), e});
        steps.failed(mail, String.valueOf(e.getMessage()), clock.instant());
      }
    }
    return sent;
  }
}
