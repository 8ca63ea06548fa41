package org.parvis.privacy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request about personal data that reached the DPO by another channel than the privacy centre
 * (letter, mail, phone): GDPR arts. 15 to 21. It is kept on the database of the side it concerns,
 * so that a member's address never enters the brand database, nor a subscriber's the network's.
 *
 * @param subject whom the data is about: a network handle, or an address on the brand side
 * @param dueOn the legal deadline: one month after receipt (art. 12(3)), three with an extension
 */
public record PrivacyRequest(
    long id,
    DataSide side,
    Kind kind,
    Channel channel,
    String requester,
    String subject,
    LocalDate receivedOn,
    LocalDate dueOn,
    String extensionReason,
    Status status,
    String action,
    String proof,
    Instant closedAt,
    String handledBy) {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The rights a request exercises. */
  public enum Kind {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    PORTABILITY,
    OBJECTION
  }

  /** How the request came in. */
  public enum Channel {
    EMAIL,
    LETTER,
    PHONE,
    IN_PERSON,
    OTHER
  }

  public enum Status {
    RECEIVED,
    IN_PROGRESS,
    DONE,
    REFUSED;

    public boolean closed() {
      return this == DONE || this == REFUSED;
    }
  }

  /** A request as the DPO records it. */
  public record Received(
      DataSide side,
      Kind kind,
      Channel channel,
      String requester,
      String subject,
      LocalDate receivedOn) {}

  /** What the DPO did: a new status, the action taken, the proof sent, an extension. */
  public record Handling(Status status, String action, String proof, String extensionReason) {}

  /** One month after receipt; three when extended (art. 12(3)). */
  public static LocalDate deadline(LocalDate receivedOn, boolean extended) {
    return receivedOn.plusMonths(extended ? 3 : 1);
  }

  public boolean overdue(LocalDate today) {
    return !status.closed() && today.isAfter(dueOn);
  }

  /** The problems of a new request, field to message key; empty when it can be recorded. */
  public static Map<String, String> problems(Received r, LocalDate today) {
    var problems = new LinkedHashMap<String, String>();
    if (r.side() == null) {
      problems.put("side", "request.side.required");
    }
    if (r.kind() == null) {
      problems.put("kind", "request.kind.required");
    }
    if (r.channel() == null) {
      problems.put("channel", "request.channel.required");
    }
    if (blank(r.requester()) || r.requester().strip().length() > 200) {
      problems.put("requester", "request.requester.invalid");
    }
    if (blank(r.subject()) || r.subject().strip().length() > 254) {
      problems.put("subject", "request.subject.invalid");
    }
    if (r.receivedOn() == null
        || r.receivedOn().isAfter(today)
        || r.receivedOn().isBefore(today.minusYears(1))) {
      problems.put("receivedOn", "request.received.invalid");
    }
    return problems;
  }

  /** The problems of a handling of this request; empty when it can be saved. */
  public Map<String, String> problems(Handling h) {
    var problems = new LinkedHashMap<String, String>();
    if (status.closed()) {
      problems.put("status", "request.closed");
      return problems;
    }
    if (h.status() == null) {
      problems.put("status", "request.status.required");
    }
    if (length(h.action()) > 4000) {
      problems.put("action", "request.action.invalid");
    }
    if (length(h.proof()) > 2000) {
      problems.put("proof", "request.proof.invalid");
    }
    if (h.status() != null && h.status().closed()) {
      if (blank(h.action())) {
        problems.put("action", "request.action.required");
      }
      if (blank(h.proof())) {
        problems.put("proof", "request.proof.required");
      }
    }
    if (!blank(h.extensionReason())) {
      if (extensionReason != null) {
        problems.put("extensionReason", "request.extension.once");
      } else if (length(h.extensionReason()) > 1000) {
        problems.put("extensionReason", "request.extension.invalid");
      }
    }
    return problems;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static int length(String text) {
    return text == null ? 0 : text.strip().length();
  }
}
