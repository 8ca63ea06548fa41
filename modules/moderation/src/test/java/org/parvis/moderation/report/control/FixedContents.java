package org.parvis.moderation.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parvis.network.api.PublishedContents;

/**
 * The network's published contents as moderation's own tests see them: texts the test puts here (in
 * the EAR the network module provides the real ones).
 */
@ApplicationScoped
public class FixedContents implements PublishedContents {

  private final Map<Long, Content> contents = new ConcurrentHashMap<>();

  public void put(long id, long author, String text) {
    contents.put(id, new Content("COMMENT", id, 1L, author, text, Duration.ofDays(300), 0));
  }

  @Override
  public Optional<String> handle(long memberId) {
    return Optional.of("membre-" + memberId);
  }

  @Override
  public Map<Long, String> texts(String kind, Collection<Long> ids) {
    var texts = new HashMap<Long, String>();
    ids.forEach(id -> content(kind, id).ifPresent(c -> texts.put(id, c.text())));
    return texts;
  }

  @Override
  public Optional<Content> content(String kind, long id) {
    return Optional.ofNullable(contents.get(id)).filter(c -> c.kind().equals(kind));
  }
}
