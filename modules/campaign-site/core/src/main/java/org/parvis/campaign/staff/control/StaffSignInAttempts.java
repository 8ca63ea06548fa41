package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.parvis.kernel.api.security.SignInThrottle;
import org.parvis.kernel.api.security.control.ThrottleLedger;

/**
 * Staff sign-in attempts claimed before a password or code is checked, each claim in a short
 * transaction of its own (see {@link ThrottleLedger#claim}).
 */
@ApplicationScoped
@Transactional
public class StaffSignInAttempts {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  /** A zero wait when the attempt may be checked (it is then counted), otherwise the wait. */
  @Transactional(TxType.REQUIRES_NEW)
  public ThrottleLedger.Claim claim(LinkedHashMap<String, SignInThrottle> rules, Instant now) {
    return new ThrottleLedger(em).claim(rules, now);
  }
}
