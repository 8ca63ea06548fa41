package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.parvis.campaign.staff.entity.StaffDevice;
import org.parvis.kernel.api.security.RecoveryCodes;
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

  /**
   * The throttle key of a sign-in to {@code username} (normalised): the account's, or, from a
   * browser this account signed in from before (its device cookie), that device's own, so that
   * failures elsewhere never lock the holder out of their usual browser.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public String accountKey(String username, String deviceToken) {
    if (deviceToken != null && deviceToken.length() == 43) {
      var device = em.find(StaffDevice.class, RecoveryCodes.sha256(deviceToken));
      if (device != null && device.account().username().equals(username)) {
        return ThrottleLedger.key("account-device", username + " " + deviceToken);
      }
    }
    return ThrottleLedger.key("account", username);
  }

  /** A zero wait when the attempt may be checked (it is then counted), otherwise the wait. */
  @Transactional(TxType.REQUIRES_NEW)
  public ThrottleLedger.Claim claim(LinkedHashMap<String, SignInThrottle> rules, Instant now) {
    return new ThrottleLedger(em).claim(rules, now);
  }
}
