package org.parvis.kernel.api.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An account's second factor, embedded in the account's own table on either side (columns {@code
 * totp_secret}, {@code totp_last_step}, {@code recovery_codes}): a TOTP secret, the last time step
 * used (a code is never accepted twice) and the SHA-256 digests of the unused recovery codes.
 */
@Embeddable
public class TwoFactor {

  /** Sealed with {@link SecretBox} when a key is configured. */
  @Column(name = "totp_secret", length = 200)
  private String secret;

  @Column(name = "totp_last_step", nullable = false)
  private long lastStep;

  /** Space-separated digests of the unused recovery codes. */
  @Column(name = "recovery_codes", length = 1000)
  private String recoveryCodes;

  /** How a second step was proved. */
  public enum Proof {
    TOTP,
    RECOVERY_CODE,
    NONE
  }

  public boolean isOn() {
    return secret != null;
  }

  /**
   * Turns the second factor on (or moves it to a new app) if {@code code} is the current code of
   * {@code newSecret}; the recovery codes are replaced by {@code codes}.
   */
  public boolean enrol(String newSecret, String code, Instant now, List<String> codes) {
    if (newSecret == null || !newSecret.matches("[A-Z2-7]{32}")) {
      return false;
    }
    var step = Totp.matchingStep(newSecret, code, now, 0);
    if (step.isEmpty()) {
      return false;
    }
    secret = SecretBox.sealIfConfigured(newSecret);
    lastStep = step.getAsLong();
    recoveryCodes = String.join(" ", codes.stream().map(RecoveryCodes::digest).toList());
    return true;
  }

  /** Checks a code from the app, or else a recovery code (used up). */
  public Proof verify(String code, Instant now) {
    if (secret == null || code == null || code.length() > 64) {
      return Proof.NONE;
    }
    var step = Totp.matchingStep(SecretBox.openStored(secret), code, now, lastStep);
    if (step.isPresent()) {
      lastStep = step.getAsLong();
      return Proof.TOTP;
    }
    var left = new ArrayList<>(digests());
    if (left.remove(RecoveryCodes.digest(code))) {
      recoveryCodes = String.join(" ", left);
      return Proof.RECOVERY_CODE;
    }
    return Proof.NONE;
  }

  /** Turns the second factor off (lost phone, after checking who the holder is). */
  public void reset() {
    secret = null;
    lastStep = 0;
    recoveryCodes = null;
  }

  public int recoveryCodesLeft() {
    return digests().size();
  }

  private List<String> digests() {
    return recoveryCodes == null || recoveryCodes.isBlank()
        ? List.of()
        : Arrays.asList(recoveryCodes.split(" "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TwoFactor that
        && Objects.equals(secret, that.secret)
        && lastStep == that.lastStep
        && Objects.equals(recoveryCodes, that.recoveryCodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, lastStep, recoveryCodes);
  }
}
