package org.parvis.moderation.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parvis.network.api.ContentVerdict;
import org.parvis.network.api.MemberSanction;

/**
 * What moderation told the network, as its own tests see it (in the EAR the network applies
 * verdicts and sanctions to the members' accounts and tells them).
 */
@ApplicationScoped
public class FiredVerdicts {

  private final List<ContentVerdict> verdicts = new CopyOnWriteArrayList<>();
  private final List<MemberSanction> sanctions = new CopyOnWriteArrayList<>();

  void verdict(@Observes ContentVerdict verdict) {
    verdicts.add(verdict);
  }

  void sanction(@Observes MemberSanction sanction) {
    sanctions.add(sanction);
  }

  public List<ContentVerdict> about(String kind, long id) {
    return verdicts.stream().filter(v -> v.kind().equals(kind) && v.id() == id).toList();
  }

  public MemberSanction lastFor(long memberId) {
    return sanctions.stream()
        .filter(s -> s.memberId() == memberId)
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
