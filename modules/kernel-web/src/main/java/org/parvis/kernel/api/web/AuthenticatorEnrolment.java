package org.parvis.kernel.api.web;

import java.io.Serializable;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parvis.kernel.api.security.QrCode;
import org.parvis.kernel.api.security.Totp;

/**
 * The secret an enrolment page shows (drawn once per view, kept server-side with it), as a QR code
 * and as a key to type, labelled with the party's name.
 */
public final class AuthenticatorEnrolment implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String secret = Totp.newSecret();

  public String secret() {
    return secret;
  }

  /** The QR code for the account {@code account} of the app entry "{party}{suffix}". */
  public String qrCode(String suffix, String account) {
    // Read here: view-scoped pages may only hold passivation-capable dependencies.
    String party =
        ConfigProvider.getConfig()
            .getOptionalValue("parvis.party.name", String.class)
            .orElse("Parvis");
    return QrCode.svgDataUri(Totp.uri(party + suffix, account, secret));
  }

  public String grouped() {
    return Totp.grouped(secret);
  }
}
