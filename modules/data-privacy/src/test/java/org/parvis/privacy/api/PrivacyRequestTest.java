package org.parvis.privacy.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.parvis.privacy.api.PrivacyRequest.Channel;
import org.parvis.privacy.api.PrivacyRequest.Handling;
import org.parvis.privacy.api.PrivacyRequest.Kind;
import org.parvis.privacy.api.PrivacyRequest.Received;
import org.parvis.privacy.api.PrivacyRequest.Status;

class PrivacyRequestTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void theDeadlineIsOneMonthAfterReceiptAndThreeWhenExtended() {
    assertThat(PrivacyRequest.deadline(LocalDate.of(2026, 1, 31), false))
        .as("the end of a shorter month")
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(PrivacyRequest.deadline(LocalDate.of(2026, 11, 22), false))
        .isEqualTo(LocalDate.of(2026, 12, 22));
    assertThat(PrivacyRequest.deadline(LocalDate.of(2026, 11, 22), true))
        .isEqualTo(LocalDate.of(2027, 2, 22));
  }

  @Test
  void aNewRequestNeedsEveryFieldAndAReceiptDateNotInTheFuture() {
    var empty = new Received(null, null, null, " ", "", TODAY.plusDays(1));
    assertThat(PrivacyRequest.problems(empty, TODAY))
        .containsOnlyKeys("side", "kind", "channel", "requester", "subject", "receivedOn");
    var good =
        new Received(
            DataSide.BRAND, Kind.ERASURE, Channel.LETTER, "Jeanne Martin", "j@example.org", TODAY);
    assertThat(PrivacyRequest.problems(good, TODAY)).isEmpty();
  }

  @Test
  void closingNeedsTheActionAndTheProofAndAClosedRequestStaysClosed() {
    var open = request(Status.RECEIVED, null);
    assertThat(open.problems(new Handling(Status.DONE, "", " ", null)))
        .containsOnlyKeys("action", "proof");
    assertThat(open.problems(new Handling(Status.IN_PROGRESS, "", "", null))).isEmpty();
    assertThat(
            open.problems(
                new Handling(
                    Status.DONE, "Compte effacé", "Courriel du 22/11 à l’intéressée", null)))
        .isEmpty();
    var done = request(Status.DONE, null);
    assertThat(done.problems(new Handling(Status.IN_PROGRESS, "", "", null)))
        .containsOnlyKeys("status");
  }

  @Test
  void aDeadlineIsExtendedOnceOnlyAndOverdueMeansOpenPastIt() {
    var extended = request(Status.IN_PROGRESS, "Demande complexe");
    assertThat(extended.problems(new Handling(Status.IN_PROGRESS, "", "", "Encore")))
        .containsOnlyKeys("extensionReason");
    var open = request(Status.RECEIVED, null);
    assertThat(open.overdue(open.dueOn())).isFalse();
    assertThat(open.overdue(open.dueOn().plusDays(1))).isTrue();
    assertThat(request(Status.DONE, null).overdue(TODAY.plus(Period.ofYears(1)))).isFalse();
  }

  private static PrivacyRequest request(Status status, String extension) {
    LocalDate received = TODAY.minusDays(10);
    return new PrivacyRequest(
        1,
        DataSide.NETWORK,
        Kind.ACCESS,
        Channel.EMAIL,
        "Paul",
        "paul-23",
        received,
        PrivacyRequest.deadline(received, extension != null),
        extension,
        status,
        "",
        "",
        null,
        "dpo");
  }
}
