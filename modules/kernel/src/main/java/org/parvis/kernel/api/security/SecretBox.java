package org.parvis.kernel.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets kept in a database (TOTP keys) with AES-256-GCM under a key that lives
 * outside it: a copy of the database alone then generates no code. The key is the MicroProfile
 * Config property {@code parvis.secrets.key} (Base64 of 32 bytes; server-config/parvis creates one
 * per data folder). Values are stored as {@code v1:} + Base64(IV ‖ ciphertext ‖ tag); a value
 * without the prefix is read as it is (written where no key was configured).
 */
public final class SecretBox {

  private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
  private static final String PREFIX = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile Optional<SecretBox> configured;

  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("parvis.secrets.key must be 32 bytes (Base64)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  public static SecretBox of(byte[] key) {
    return new SecretBox(key);
  }

  /** The box of the configured key, if any (read once). */
  public static Optional<SecretBox> configured() {
    if (configured == null) {
      Optional<SecretBox> box;
      try {
        box =
            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("parvis.secrets.key", String.class)
                .filter(value -> !value.isBlank())
                .map(value -> of(Base64.getDecoder().decode(value.strip())));
      } catch (IllegalStateException | NoClassDefFoundError e) {
        box = Optional.empty();
      }
      if (box.isEmpty()) {
        LOG.warning("parvis.secrets.key is not set: second-factor keys are stored unencrypted.");
      }
      configured = box;
    }
    return configured;
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The plain value; fails if it was sealed under another key or altered. */
  public String open(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("secret sealed under another parvis.secrets.key", e);
    }
  }

  /** Seals with the configured key, or keeps the value as it is when none is configured. */
  static String sealIfConfigured(String plain) {
    return configured().map(box -> box.seal(plain)).orElse(plain);
  }

  /** Opens a stored value: sealed ones need the configured key. */
  static String openStored(String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    return configured()
        .orElseThrow(() -> new IllegalStateException("parvis.secrets.key is needed"))
        .open(stored);
  }
}
