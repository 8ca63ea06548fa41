package org.parvis.moderation.screening.control;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes classifier over words and pairs of words (normalised), with Laplace
 * smoothing, trained from moderators' decisions: acceptable or not. Immutable once trained; a new
 * one is trained when decisions accumulate.
 */
final class NaiveBayes {

  /** One labelled text. */
  record Example(String text, boolean unacceptable) {}

  private final Map<String, int[]> counts = new HashMap<>();
  private final int[] totals = new int[2];
  private final int[] documents = new int[2];
  private final int vocabulary;

  private NaiveBayes(List<Example> examples) {
    Set<String> words = new HashSet<>();
    for (Example example : examples) {
      int label = example.unacceptable() ? 1 : 0;
      documents[label]++;
      for (String feature : features(example.text())) {
        counts.computeIfAbsent(feature, f -> new int[2])[label]++;
        totals[label]++;
        words.add(feature);
      }
    }
    vocabulary = Math.max(1, words.size());
  }

  static NaiveBayes train(List<Example> examples) {
    return new NaiveBayes(examples);
  }

  /** Whether it learnt from both kinds of decisions (otherwise it has nothing to say). */
  boolean trained() {
    return documents[0] > 0 && documents[1] > 0;
  }

  int examples() {
    return documents[0] + documents[1];
  }

  /** The probability that the text is unacceptable, 0.5 when untrained. */
  double probability(String text) {
    if (!trained()) {
      return 0.5;
    }
    double[] log = new double[2];
    for (int label = 0; label < 2; label++) {
      log[label] = Math.log(documents[label] / (double) (documents[0] + documents[1]));
    }
    for (String feature : features(text)) {
      int[] c = counts.get(feature);
      if (c == null) {
        continue; // unseen: both classes would get the same smoothing, nearly
      }
      for (int label = 0; label < 2; label++) {
        log[label] += Math.log((c[label] + 1.0) / (totals[label] + vocabulary));
      }
    }
    double difference = log[0] - log[1];
    return 1 / (1 + Math.exp(Math.max(-50, Math.min(50, difference))));
  }

  private static List<String> features(String text) {
    var words = TextNormalizer.words(TextNormalizer.normalize(text));
    var features = new java.util.ArrayList<String>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).length() > 1) {
        features.add(words.get(i));
      }
      if (i + 1 < words.size()) {
        features.add(words.get(i) + " " + words.get(i + 1));
      }
    }
    return features;
  }
}
