package org.parvis.kernel.api.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What administrators read of a failed mail on the system page: no full address, anywhere. */
class MailOutboxMaskTest {

  @Test
  void theRecipientAndEveryAddressInTheServersAnswerAreMasked() {
    assertThat(MailOutbox.masked("jeanne@example.org")).isEqualTo("j…@example.org");
    assertThat(MailOutbox.masked("nobody")).isEqualTo("…");
    assertThat(
            MailOutbox.maskedIn(
                "550 5.1.1 <jeanne.barret@example.org>: Recipient address rejected; from"
                    + " parvis@localhost"))
        .isEqualTo("550 5.1.1 <j…@example.org>: Recipient address rejected; from p…@localhost");
    assertThat(MailOutbox.maskedIn("Connection refused")).isEqualTo("Connection refused");
    assertThat(MailOutbox.maskedIn(null)).isNull();
  }
}
