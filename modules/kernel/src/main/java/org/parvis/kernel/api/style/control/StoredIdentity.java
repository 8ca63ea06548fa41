package org.parvis.kernel.api.style.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.parvis.kernel.api.style.IdentityCache;
import org.parvis.kernel.api.style.IdentityStorage;
import org.parvis.kernel.api.style.SiteIdentity;

/**
 * The party's identity in one side's database: each side's control extends this with its own
 * persistence unit (the brand keeps the original, the network its copy).
 */
public abstract class StoredIdentity implements IdentityStorage {

  private final IdentityCache<Current> cache = new IdentityCache<>(Clock.systemUTC());

  /** The side's persistence context. */
  protected abstract EntityManager em();

  @Override
  public SiteIdentity current() {
    return now().identity();
  }

  @Override
  public Current now() {
    return cache.current(
        () ->
            new Current(
                SiteIdentityRows.read(em())
                    .orElseGet(() -> SiteIdentity.defaults(SiteIdentity.configuredPartyName())),
                SiteIdentityRows.pictures(em())));
  }

  @Override
  public Optional<Stored> picture(Picture picture) {
    return SiteIdentityRows.picture(em(), picture);
  }

  @Override
  public boolean has(Picture picture) {
    return now().pictures().contains(picture);
  }

  @Override
  public Map<String, SiteIdentity.Problem> save(
      SiteIdentity draft, Stored logo, Stored icon, Stored share) {
    var identity = draft.normalised();
    var problems = identity.problems();
    if (problems.isEmpty()) {
      SiteIdentityRows.write(em(), identity, logo, icon, share, Instant.now());
      cache.forget();
    }
    return problems;
  }
}
