package org.parvis.kernel.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in whose password was right and whose second factor is still to check: kept in the HTTP
 * session for five minutes, never a sign-in by itself. Starting one rotates the session id.
 */
public record PendingSecondFactor(String account, Instant expiresAt) implements Serializable {

  static final String ATTRIBUTE = "parvis.pendingSecondFactor";
  static final Duration TIME = Duration.ofMinutes(5);

  public static void start(HttpServletRequest request, String account) {
    request.getSession(true);
    request.changeSessionId();
    request
        .getSession()
        .setAttribute(ATTRIBUTE, new PendingSecondFactor(account, Instant.now().plus(TIME)));
  }

  /** The pending sign-in of this session, if any and not expired. */
  public static Optional<PendingSecondFactor> of(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSecondFactor p)) {
      return Optional.empty();
    }
    if (Instant.now().isAfter(p.expiresAt())) {
      session.removeAttribute(ATTRIBUTE);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  public static void clear(HttpServletRequest request) {
    var session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }
}
