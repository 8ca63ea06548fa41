package org.parvis.kernel.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One-time recovery codes for when the authenticator is lost: ten codes of ten characters (50
 * random bits each), shown once and stored only as SHA-256 digests. Random codes of that length
 * need no slow hash: nobody can guess one from its digest, and online guessing is throttled.
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;

  private RecoveryCodes() {}

  public static List<String> generate() {
    return IntStream.range(0, COUNT)
        .mapToObj(i -> OneTimeCodes.of(OneTimeCodes.LOWER, 10))
        .toList();
  }

  /** The stored form of a code, ignoring case, spaces and dashes as typed. */
  public static String digest(String code) {
    return sha256(code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
  }

  /** The SHA-256 of a text, in hex: how random keys (links, cookies, codes) are stored. */
  public static String sha256(String normalized) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a typed text could be a recovery code rather than a six-digit TOTP code. */
  public static boolean looksLikeOne(String code) {
    return code != null && code.replaceAll("[\\s-]", "").length() == 10;
  }
}
