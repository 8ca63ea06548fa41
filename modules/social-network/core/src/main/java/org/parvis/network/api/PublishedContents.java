package org.parvis.network.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What moderation may read of a published item to screen it: its text and facts about its author,
 * never the author's identity beyond an id.
 */
public interface PublishedContents {

  /**
   * The item ({@code kind} INITIATIVE, COMMENT, ANSWER or PROFILE — a member's display name and
   * handle, by member id, with initiative id 0), if it exists.
   */
  Optional<Content> content(String kind, long id);

  /**
   * The texts of several items of one kind at once (for a page of the moderators' queue), by id;
   * items that no longer exist are absent.
   */
  Map<Long, String> texts(String kind, Collection<Long> ids);

  /** A member's public handle (what their profile shows anyway), for moderators' screens. */
  Optional<String> handle(long memberId);

  /**
   * An item as screening sees it: the text (an initiative's title and description without markup),
   * the age of the author's account, and how many items with the same text the author published in
   * the last day (besides this one).
   */
  record Content(
      String kind,
      long id,
      long initiativeId,
      long authorId,
      String text,
      Duration accountAge,
      int sameTextRecently) {}
}
