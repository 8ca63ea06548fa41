package org.parvis.console.privacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.PrivacyRequest;
import org.parvis.privacy.api.PrivacyRequests;

/**
 * The two registers of requests, side by side: each request stays on its side's database; only this
 * view puts them in one list, by deadline.
 */
@ApplicationScoped
public class PrivacyRegisters {

  static final Comparator<PrivacyRequest> ORDER =
      Comparator.comparing((PrivacyRequest r) -> r.status().closed())
          .thenComparing(PrivacyRequest::dueOn)
          .thenComparing(PrivacyRequest::id, Comparator.reverseOrder());

  @Inject @Any Instance<PrivacyRequests> registers;

  Optional<PrivacyRequests> of(DataSide side) {
    return registers.stream().filter(r -> r.side() == side).findFirst();
  }

  /** One page of both registers merged: each side gives what the page may need of it. */
  List<PrivacyRequest> page(int page, int size) {
    int needed = (page + 1) * size;
    return registers.stream()
        .flatMap(r -> r.list(0, needed).stream())
        .sorted(ORDER)
        .skip((long) page * size)
        .limit(size)
        .toList();
  }

  static Stream<DataSide> sides() {
    return Stream.of(DataSide.NETWORK, DataSide.BRAND);
  }
}
