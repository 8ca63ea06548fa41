package org.parvis.network.pages.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicChangesTest {

  @Test
  void aChangeMovesTheCounterAtOnceAndAgainOnceItsTransactionIsSurelyOver() throws Exception {
    long before = PublicChanges.generation();
    PublicChanges.changed();
    long now = PublicChanges.generation();
    assertThat(now).isGreaterThan(before);
    assertThat(PublicChanges.generation()).as("nothing more before the echo").isEqualTo(now);
    Thread.sleep(600);
    assertThat(PublicChanges.generation())
        .as("half a second later: a page rendered before the commit is not served")
        .isGreaterThan(now);
  }

  @Test
  void aBurstOfChangesPlansOneEcho() throws Exception {
    Thread.sleep(600); // the other test's echo, if any, is due
    long start = PublicChanges.generation();
    for (int i = 0; i < 100; i++) {
      PublicChanges.changed();
    }
    assertThat(PublicChanges.generation()).isEqualTo(start + 100);
    Thread.sleep(600);
    assertThat(PublicChanges.generation()).isEqualTo(start + 101);
  }
}
