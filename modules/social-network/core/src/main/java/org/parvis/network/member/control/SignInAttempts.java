package org.parvis.network.member.control;

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
 * Members' sign-in attempts claimed before a password or code is checked, each claim in a short
 * transaction of its own (see {@link ThrottleLedger#claim}).
 */
@ApplicationScoped
@Transactional
public class SignInAttempts {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /**
   * The throttle key of a sign-in to {@code email}: the account's, or, from a browser this account
   * signed in from before (its device cookie), that device's own, so that failures elsewhere never
   * lock the holder out of their usual browser.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public String accountKey(String email, String deviceToken) {
    if (deviceToken != null && deviceToken.length() == 43) {
      var device =
          em.find(
              org.parvis.network.member.entity.MemberDevice.class,
              org.parvis.network.member.entity.MemberEmailToken.digest(deviceToken));
      if (device != null && device.member().email().equals(email)) {
        return ThrottleLedger.key("member-device", email + " " + deviceToken);
      }
    }
    return ThrottleLedger.key("member", email);
  }

  /** A zero wait when the attempt may be checked (it is then counted), otherwise the wait. */
  @Transactional(TxType.REQUIRES_NEW)
  public ThrottleLedger.Claim claim(LinkedHashMap<String, SignInThrottle> rules, Instant now) {
    return new ThrottleLedger(em).claim(rules, now);
  }
}
