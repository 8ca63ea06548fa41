package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parvis.network.api.ContentPublished;

/** Records the publication events, as moderation will observe them. */
@ApplicationScoped
public class PublishedContent {

  private final List<ContentPublished> events = new CopyOnWriteArrayList<>();

  void observe(@Observes ContentPublished event) {
    events.add(event);
  }

  public List<ContentPublished> of(long initiativeId) {
    return events.stream().filter(e -> e.initiativeId() == initiativeId).toList();
  }
}
