package org.parvis.kernel.api.style;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Colours a party chooses for its sites, as {@code #rrggbb}, and their contrast as WCAG 2.1
 * measures it: text needs at least 4.5:1 against its background (level AA, normal text).
 */
public final class Colours {

  /** WCAG 2.1 AA for normal text. */
  public static final double TEXT_CONTRAST = 4.5;

  private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

  private Colours() {}

  /** The colour as {@code #rrggbb} in lower case, or empty when it is not a hex colour. */
  public static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var matcher = HEX.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String hex = matcher.group(1).toLowerCase(Locale.ROOT);
    if (hex.length() == 3) {
      hex =
          ""
              + hex.charAt(0)
              + hex.charAt(0)
              + hex.charAt(1)
              + hex.charAt(1)
              + hex.charAt(2)
              + hex.charAt(2);
    }
    return Optional.of("#" + hex);
  }

  /** The contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
  public static double contrast(String one, String other) {
    double a = luminance(one);
    double b = luminance(other);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** The ratio written for people, rounded down to two decimals ("4.48"). */
  public static String written(double ratio) {
    return String.format(Locale.ROOT, "%.2f", Math.floor(ratio * 100) / 100);
  }

  /** Relative luminance (WCAG 2.1, sRGB). */
  static double luminance(String colour) {
    String hex = parse(colour).orElseThrow(() -> new IllegalArgumentException(colour));
    double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
    double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
    double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
