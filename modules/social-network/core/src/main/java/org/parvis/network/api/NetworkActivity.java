package org.parvis.network.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The network's activity counted per day (Paris days), for the console's dashboard: read from
 * counts kept up to date, never by scanning the activity at each view. Counts only, no person.
 */
public interface NetworkActivity {

  /** What is counted each day. */
  enum Metric {
    /** Accounts created. */
    MEMBERS,
    /** Addresses confirmed (accounts that can act). */
    CONFIRMED,
    /** Initiatives published. */
    INITIATIVES,
    /** Signatures given (and still standing when the day was counted). */
    SIGNATURES,
    /** Volunteers who joined an initiative. */
    JOINS,
    /** Comments written. */
    COMMENTS,
    /** Officials' public answers. */
    ANSWERS
  }

  /** Each metric's count for each day from {@code from} to {@code to} included, 0 when none. */
  Map<Metric, long[]> daily(LocalDate from, LocalDate to);

  /**
   * Officials' answers to the initiatives routed to them in the period: how many were routed, how
   * many of those are answered, and the median time to answer in hours (null without any).
   */
  Answers answers(LocalDate from, LocalDate to);

  record Answers(long routed, long answered, Long medianHours) {}

  /** The published initiatives waiting longest for an official's answer, oldest first. */
  List<Waiting> waitingLongest(int max);

  record Waiting(long initiativeId, String title, Instant publishedAt) {}

  /**
   * Every published initiative (withdrawn ones and drafts left out) with its counts and whether an
   * official answered, in id order, handed to {@code sink} one by one as the database streams them:
   * an export of any size never sits in memory. No author, no signer.
   */
  void eachInitiative(java.util.function.Consumer<InitiativeLine> sink);

  /**
   * Published initiatives (withdrawn ones included, drafts never) matching the filter, in its
   * order, at most {@code size} from {@code first}: the console's list of initiatives.
   */
  List<InitiativeLine> initiatives(InitiativeFilter filter, int first, int size);

  /** How many published initiatives match the filter. */
  long countInitiatives(InitiativeFilter filter);

  /**
   * What the console's list of initiatives shows: words found in the title (blank: all), one state
   * (null: all), one scope level ({@code COMMUNE}, {@code DEPARTEMENT}, {@code REGION}, {@code
   * NATIONAL}; null: all), only those no official answered yet, and an order.
   */
  record InitiativeFilter(
      String search, InitiativeState state, String scopeKind, boolean unanswered, Order order) {

    public InitiativeFilter {
      order = order == null ? Order.RECENT : order;
    }
  }

  /** Open to signatures, goal reached, closed, withdrawn by its author, or hidden by moderation. */
  enum InitiativeState {
    OPEN,
    ACHIEVED,
    CLOSED,
    WITHDRAWN,
    HIDDEN
  }

  /** Newest first, oldest first, or most signed first. */
  enum Order {
    RECENT,
    OLDEST,
    SIGNATURES
  }

  /**
   * Signatures counted by the signers' commune, in département then commune order, for one
   * initiative or all ({@code initiativeId} null). Counts only; a commune with fewer than {@link
   * #SMALLEST_COUNT} signatures is given as null, so that nobody in a small commune can be told
   * from the count (a signature records a political opinion).
   */
  List<PlaceCount> signaturesByCommune(Long initiativeId);

  int SMALLEST_COUNT = 5;

  /**
   * Officials' responsiveness: every mandate in force on {@code day} (not revoked, not ended) with
   * its holder's public handle and name, the initiatives routed to the holder, how many they
   * answered and their median time to answer in hours (null without an answer), by territory.
   * Officials act in public: these are counted as their public profile counts them (routed at least
   * as many as answered; the median of their last 1,000 answers).
   */
  List<OfficialLine> officials(java.time.LocalDate day);

  record OfficialLine(
      String handle,
      String displayName,
      String mandate,
      String territoryKind,
      String territoryCode,
      String territoryName,
      java.time.LocalDate endsOn,
      long routed,
      long answered,
      Long medianHours) {}

  record PlaceCount(
      String departementCode,
      String departementName,
      String communeCode,
      String communeName,
      Long signatures) {}

  record InitiativeLine(
      long id,
      String title,
      String status,
      String theme,
      String scopeKind,
      String scopeCode,
      String scopeName,
      Instant publishedAt,
      java.time.LocalDate deadline,
      long signatures,
      Integer goal,
      long comments,
      Instant answeredAt,
      boolean hidden) {}
}
