package org.parvis.campaign.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who registered to an agenda event, as the console lists and exports them. */
public interface EventRegistrants {

  /** One registration. */
  record Registrant(long id, String name, String email, Instant registeredAt) {}

  /** The event's address name (its slug), empty when there is no such event. */
  Optional<String> eventSlug(long eventId);

  /**
   * The event's registrants whose name or address holds the words (all when blank), first
   * registered first, from {@code first}, at most {@code size}.
   */
  List<Registrant> list(long eventId, String search, int first, int size);

  /** How many of the event's registrants hold the words in their name or address. */
  long count(long eventId, String search);
}
