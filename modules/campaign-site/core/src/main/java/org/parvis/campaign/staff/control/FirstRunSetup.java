package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Logger;
import org.parvis.kernel.api.security.OneTimeCodes;

/**
 * The one-time code that lets whoever runs the server create the first administrator: written to
 * the server log (readable only by the server's operator), never shown on a page.
 */
@ApplicationScoped
public class FirstRunSetup {

  private static final Logger LOG = Logger.getLogger(FirstRunSetup.class.getName());

  private String code;

  /** Generates and logs the code the first time it is needed. */
  synchronized void announce() {
    if (code == null) {
      code = OneTimeCodes.of(OneTimeCodes.UPPER);
      LOG.warning(
          "Parvis has no administrator yet. Open the console (/console/) and create one with the"
              + " setup code "
              + code);
    }
  }

  synchronized boolean matches(String candidate) {
    if (code == null || candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(
        code.getBytes(StandardCharsets.US_ASCII),
        candidate.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** The current code; package-private so that only this module (and its tests) reads it. */
  synchronized String code() {
    return code;
  }

  synchronized void used() {
    code = null;
  }
}
