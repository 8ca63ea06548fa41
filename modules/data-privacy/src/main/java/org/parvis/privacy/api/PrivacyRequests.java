package org.parvis.privacy.api;

import java.time.Instant;
import java.util.List;
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

  /** Open requests first, by deadline; then closed ones, newest first. */
  List<PrivacyRequest> list(int first, int size);
}
