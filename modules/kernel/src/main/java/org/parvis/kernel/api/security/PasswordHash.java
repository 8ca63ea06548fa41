package org.parvis.kernel.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations, a 16-byte random salt and a 32-byte key: OWASP's
 * Password Storage Cheat Sheet figure for this algorithm (2023). The JDK computes it; this class
 * only encodes {@code PBKDF2WithHmacSHA256:iterations:salt:hash} (Base64), the format Jakarta
 * Security's Pbkdf2PasswordHash uses, so the parameters can be raised later and old hashes still
 * verify with the count they carry.
 */
public final class PasswordHash {

  public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  public static final int ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Verified against when the account does not exist, so that timing tells nothing. */
  public static final String DECOY = hash("decoy password never used".toCharArray());

  private PasswordHash() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(ITERATIONS, salt, derive(password, salt, ITERATIONS, KEY_BITS));
  }

  public static boolean verify(char[] password, String stored) {
    String[] parts = stored.split(":");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      return false;
    }
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, salt, iterations, expected.length * 8);
    return MessageDigest.isEqual(expected, actual);
  }

  /** A hash made with fewer iterations than today's should be replaced at the next sign-in. */
  public static boolean isOutdated(String stored) {
    String[] parts = stored.split(":");
    return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
    var spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK lacks " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }

  private static String encode(int iterations, byte[] salt, byte[] hash) {
    var base64 = Base64.getEncoder();
    return String.join(
        ":",
        ALGORITHM,
        Integer.toString(iterations),
        base64.encodeToString(salt),
        new String(base64.encode(hash), StandardCharsets.US_ASCII));
  }
}
