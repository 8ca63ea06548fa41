package org.parvis.e2e;

import java.time.Duration;

/**
 * The brand site's contact and volunteer forms refuse a post sent less than three seconds after the
 * form was shown (robots fill forms at once): that minimum is the rule these tests exercise, so
 * they let it pass, as a person typing would. It is not a wait for something to happen elsewhere.
 */
final class ContactForms {

  /** ContactDesk.MIN_FILL, and a margin for the clocks of the test and the server. */
  static final Duration MINIMUM_FILL_TIME = Duration.ofSeconds(3).plusMillis(200);

  private ContactForms() {}

  static void pastTheMinimumFillTime() throws InterruptedException {
    Thread.sleep(MINIMUM_FILL_TIME.toMillis());
  }
}
