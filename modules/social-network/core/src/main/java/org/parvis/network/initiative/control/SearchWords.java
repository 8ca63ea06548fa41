package org.parvis.network.initiative.control;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words an initiative is found by, and those of a search: lower case, without accents, without
 * the commonest French and English words, plural "s"/"x" removed, so that "Écoles" finds "école".
 */
final class SearchWords {

  static final int MAX_WORDS = 400;
  static final int MAX_LENGTH = 40;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> STOP =
      Set.of(
          "les", "des", "une", "pour", "dans", "par", "sur", "avec", "que", "qui", "est", "sont",
          "aux", "ces", "ses", "son", "nos", "notre", "vos", "votre", "leur", "pas", "plus", "tout",
          "tous", "mais", "ou", "et", "en", "du", "de", "la", "le", "un", "au", "il", "elle",
          "nous", "vous", "ils", "the", "and", "for", "with", "this", "that", "from", "are", "was",
          "our", "your", "not", "all", "into", "its", "has", "have", "will", "can");

  private SearchWords() {}

  static Set<String> of(String text) {
    var words = new LinkedHashSet<String>();
    if (text == null) {
      return words;
    }
    String flat =
        MARKS
            .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    for (String word : SEPARATORS.split(flat)) {
      if (word.length() < 3 || STOP.contains(word)) {
        continue;
      }
      if (word.length() > 4 && (word.endsWith("s") || word.endsWith("x"))) {
        word = word.substring(0, word.length() - 1);
      }
      words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
      if (words.size() == MAX_WORDS) {
        break;
      }
    }
    return words;
  }
}
