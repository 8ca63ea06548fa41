package org.parvis.network.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.network.NetworkFixture;
import org.parvis.network.schema.control.NetworkDatabase;
import org.parvis.testing.ModuleDeployment;

/**
 * The network outbox as administrators watch it on the system page: a mail whose delivery failed is
 * listed with its error and its recipient's mailbox name hidden, and a new attempt asked by hand
 * makes it due at once with its attempts counted from zero, unless it is being sent or went out.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxFailuresIT {

  @Deployment
  static WebArchive deployment() {
    return ModuleDeployment.of(
        "social-network-outbox-failures", OutboxFailuresIT.class, NetworkFixture.class);
  }

  @Inject NetworkDatabase database;
  @Inject MailRelay relay;
  @Inject NetworkOutboxSteps steps;
  @Inject UserTransaction transaction;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @BeforeEach
  void migrated() {
    var outcome = database.schema().migrate();
    assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
  }

  @Test
  void aFailedMailIsListedAndRetriedByHandUnlessItIsBeingSentOrWentOut() throws Exception {
    String recipient = NetworkFixture.handle("jeanne") + "@example.org";
    Instant now = Instant.now();
    transaction.begin();
    new MailOutbox(em).queue(recipient, "Bienvenue", "Bonjour", now);
    transaction.commit();
    var mail =
        steps.due(now.plusSeconds(1), 1_000).stream()
            .filter(m -> m.recipient().equals(recipient))
            .findFirst()
            .orElseThrow();
    assertThat(relay.failures(100)).noneMatch(f -> f.id() == mail.id());

    for (int attempt = 0; attempt < MailOutbox.MAX_ATTEMPTS; attempt++) {
      steps.failed(
          new MailOutbox.Mail(mail.id(), recipient, "Bienvenue", "Bonjour", attempt),
          "550 mailbox unavailable",
          now);
    }
    var failure =
        relay.failures(100).stream().filter(f -> f.id() == mail.id()).findFirst().orElseThrow();
    assertThat(failure.recipient()).isEqualTo(recipient.charAt(0) + "…@example.org");
    assertThat(failure.lastError()).isEqualTo("550 mailbox unavailable");
    assertThat(failure.attempts()).isEqualTo(MailOutbox.MAX_ATTEMPTS);
    assertThat(failure.givenUp()).as("given up after the last attempt").isTrue();
    assertThat(relay.backlog().failing()).isPositive();

    assertThat(relay.retry(mail.id())).isTrue();
    var due = steps.due(Instant.now().plusSeconds(1), 1_000);
    assertThat(due)
        .as("due again at once, attempts from zero")
        .anySatisfy(
            m -> {
              assertThat(m.id()).isEqualTo(mail.id());
              assertThat(m.attempts()).isZero();
            });

    // Claimed by a delivery run (in flight, or in doubt after a stop): never retried by hand.
    assertThat(steps.claim(mail.id(), Instant.now())).isTrue();
    assertThat(relay.retry(mail.id())).isFalse();
    steps.sent(mail.id(), Instant.now());
    assertThat(relay.retry(mail.id())).as("sent").isFalse();
    assertThat(relay.failures(100)).noneMatch(f -> f.id() == mail.id());
    assertThat(relay.retry(Long.MAX_VALUE)).as("unknown").isFalse();
  }
}
