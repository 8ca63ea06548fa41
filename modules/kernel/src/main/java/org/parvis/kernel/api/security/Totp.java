package org.parvis.kernel.api.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps expect them: HMAC-SHA1, six
 * digits, 30-second steps, a 160-bit secret shown in Base32. A code is accepted one step early or
 * late (clock drift), and the caller remembers the last step used so that a code cannot be
 * replayed.
 */
public final class Totp {

  public static final Duration STEP = Duration.ofSeconds(30);
  public static final int DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator GENERATOR =
      new TimeBasedOneTimePasswordGenerator(
          STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

  private Totp() {}

  /** A new random secret, Base32 without padding (32 characters). */
  public static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** The {@code otpauth://} address that enrolment QR codes carry. */
  public static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP.toSeconds();
  }

  /** The secret in groups of four, easier to type into an app by hand. */
  public static String grouped(String secret) {
    return secret.replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** The code of the step containing {@code at}. */
  public static String codeAt(String secret, Instant at) {
    try {
      return GENERATOR.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("unusable TOTP secret", e);
    }
  }

  /** The step a time falls in (seconds since the epoch divided by 30). */
  public static long stepOf(Instant at) {
    return at.getEpochSecond() / STEP.toSeconds();
  }

  /**
   * The step whose code {@code code} is, among the previous, current and next steps at {@code now}
   * and later than {@code lastUsedStep}; empty when the code is wrong, malformed or already used.
   */
  public static OptionalLong matchingStep(
      String secret, String code, Instant now, long lastUsedStep) {
    String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = stepOf(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (step > lastUsedStep
          && java.security.MessageDigest.isEqual(
              codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
                  .getBytes(StandardCharsets.US_ASCII),
              digits.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(
        new Base32().decode(secret.toUpperCase(Locale.ROOT)), GENERATOR.getAlgorithm());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
