package org.parvis.kernel.api.text;

import java.text.Normalizer;

/**
 * The one rule for which characters any text Parvis stores may hold, on every side: characters
 * legal in XML 1.0 (so that feeds, sitemaps and exports can always carry them), no C0 or C1 control
 * characters except tab and line feed (a carriage return before a line feed is dropped, a lone one
 * becomes a line feed), no lone surrogate halves nor the non-characters U+FFFE and U+FFFF, and
 * Unicode normalised to NFC (so that "é" typed two ways is one word for search, uniqueness and
 * moderation). Applied at the input boundary to every submitted parameter, and again when text is
 * written into XML, for rows stored before the rule existed.
 */
public final class StoredText {

  private StoredText() {}

  /** The text with every character outside the rule removed, normalised to NFC; null stays null. */
  public static String clean(String text) {
    if (text == null || (isClean(text) && Normalizer.isNormalized(text, Normalizer.Form.NFC))) {
      return text;
    }
    var kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (c == '\r') {
        boolean lineFeedNext = i + 1 < text.length() && text.charAt(i + 1) == '\n';
        if (!lineFeedNext) {
          kept.append('\n');
        }
      } else if (allowed(c, text, i)) {
        kept.appendCodePoint(c);
      }
      i += width;
    }
    return Normalizer.normalize(kept, Normalizer.Form.NFC);
  }

  /** Whether every character of the text is allowed (normalisation aside). */
  public static boolean isClean(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\r' || !allowed(c, text, i)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean allowed(int c, String text, int at) {
    if (c == '\t' || c == '\n') {
      return true;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return false;
    }
    if (c == 0xFFFE || c == 0xFFFF) {
      return false;
    }
    // codePointAt returns a lone surrogate as itself: one half without its pair is not a character.
    return !Character.isSurrogate((char) c) || Character.isSupplementaryCodePoint(c);
  }
}
