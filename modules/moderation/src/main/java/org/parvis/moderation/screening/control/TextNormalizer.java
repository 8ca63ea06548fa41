package org.parvis.moderation.screening.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as screening sees it: lower case, without accents, common letter disguises undone ({@code
 * n4z1} → {@code nazi}), letters repeated more than twice cut to two, punctuation as spaces.
 */
final class TextNormalizer {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9'’ ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

  private TextNormalizer() {}

  /** Lower case, no accents, disguises undone, single spaces. */
  static String normalize(String text) {
    String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    lower = MARKS.matcher(lower).replaceAll("").toLowerCase(Locale.ROOT);
    var undisguised = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean inWord =
          (i > 0 && Character.isLetter(lower.charAt(i - 1)))
              || (i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1)));
      undisguised.append(inWord ? undisguise(c) : c);
    }
    String cut = REPEATS.matcher(undisguised).replaceAll("$1$1");
    cut = NON_WORD.matcher(cut.replace('’', '\'')).replaceAll(" ");
    return SPACES.matcher(cut).replaceAll(" ").strip();
  }

  /** The words of a normalised text. */
  static List<String> words(String normalized) {
    var words = new ArrayList<String>();
    var matcher = WORD.matcher(normalized);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  private static char undisguise(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1', '!' -> 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> c;
    };
  }
}
