package org.parvis.kernel.api.security;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts on either side keep them: stripped, lower case, checked. */
public final class EmailAddress {

  public static final int MAX = 254;

  /** A pragmatic check (RFC 5321 lengths, one @, a dot in the domain, no spaces). */
  private static final Pattern SHAPE =
      Pattern.compile(
          "[^@\\s\"<>()\\[\\],;:\\\\]{1,64}@[^@\\s\"<>()\\[\\],;:\\\\]+\\.[^@\\s.\"<>]+");

  private EmailAddress() {}

  /** Addresses compare in lower case: one person, one account. */
  public static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  public static boolean valid(String normalized) {
    return normalized.length() <= MAX && SHAPE.matcher(normalized).matches();
  }
}
