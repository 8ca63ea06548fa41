package org.parvis.privacy.api.control;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.privacy.api.PrivacyRequest;
import org.parvis.privacy.api.PrivacyRequests;

/**
 * The register of requests of one side, the same on both: a side's bean extends it with its own
 * entity manager (its own database), side and module.
 */
// Reads run in a transaction too: outside one, Payara may hand out an entity manager already closed
// by an earlier transactional call on the same thread.
public abstract class RequestRegister implements PrivacyRequests {

  /** The side's entity manager. */
  protected abstract EntityManager em();

  @Override
  @Transactional
  public long record(PrivacyRequest.Received request, String staff, Instant now) {
    return rows().insert(request, staff, now);
  }

  @Override
  @Transactional
  public void handle(long id, PrivacyRequest.Handling handling, String staff, Instant now) {
    rows().update(id, handling, staff, now);
  }

  @Override
  @Transactional
  public Optional<PrivacyRequest> find(long id) {
    return rows().find(id);
  }

  @Override
  @Transactional
  public PrivacyRequests.Open open(java.time.LocalDate today) {
    return rows().open(today);
  }

  @Override
  @Transactional
  public List<PrivacyRequest> list(int first, int size) {
    return rows().list(first, size);
  }

  @Override
  @Transactional
  public Optional<Map<String, List<Map<String, Object>>>> dataOf(long requestId) {
    return find(requestId).flatMap(r -> dataOf(r.subject()));
  }

  @Override
  @Transactional
  public boolean erase(long requestId, boolean deleteContributions, Instant now) {
    return find(requestId).map(r -> erase(r.subject(), deleteContributions, now)).orElse(false);
  }

  @Override
  @Transactional
  public void note(long requestId, String line, String staff, Instant now) {
    rows().note(requestId, line, staff, now);
  }

  /** What this side holds about the subject (a handle, an address), if anyone matches it. */
  protected abstract Optional<Map<String, List<Map<String, Object>>>> dataOf(String subject);

  /** Erases the subject on this side; false if nobody matches it. */
  protected abstract boolean erase(String subject, boolean deleteContributions, Instant now);

  private PrivacyRequestRows rows() {
    return new PrivacyRequestRows(em(), side());
  }
}
