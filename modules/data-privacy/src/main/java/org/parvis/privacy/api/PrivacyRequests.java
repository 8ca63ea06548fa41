package org.parvis.privacy.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DPO's register of requests, one per side, each on its own database. Validation is the
 * caller's ({@link PrivacyRequest#problems}); these only store.
 */
public interface PrivacyRequests extends PersonalDataProvider {

  /** Records a request received; returns its id on this side. */
  long record(PrivacyRequest.Received request, String staff, Instant now);

  /** Saves a handling of an open request. */
  void handle(long id, PrivacyRequest.Handling handling, String staff, Instant now);

  Optional<PrivacyRequest> find(long id);

  /**
   * The open requests at a glance: how many, how many past their deadline on {@code today}, and the
   * nearest deadline (null when none is open).
   */
  Open open(java.time.LocalDate today);

  record Open(long count, long overdue, java.time.LocalDate nextDue) {

    public static final Open NONE = new Open(0, 0, null);

    /** Both sides' figures as one. */
    public Open plus(Open other) {
      java.time.LocalDate next =
          nextDue == null
              ? other.nextDue
              : other.nextDue == null || nextDue.isBefore(other.nextDue) ? nextDue : other.nextDue;
      return new Open(count + other.count, overdue + other.overdue, next);
    }
  }

  /** Open requests first, by deadline; then closed ones, newest first. */
  List<PrivacyRequest> list(int first, int size);

  /**
   * Everything this side holds about the person a request concerns, by category (the same as their
   * own export); empty when nobody matches the subject.
   */
  Optional<Map<String, List<Map<String, Object>>>> dataOf(long requestId);

  /**
   * Erases the person a request concerns, as if they had asked from their account; a member's
   * contributions are kept anonymous unless {@code deleteContributions}. False when nobody matches
   * the subject.
   */
  boolean erase(long requestId, boolean deleteContributions, Instant now);

  /** Adds a dated line to the action taken (what the DPO did through the console). */
  void note(long requestId, String line, String staff, Instant now);
}
