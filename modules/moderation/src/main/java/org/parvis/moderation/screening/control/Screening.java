package org.parvis.moderation.screening.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Automatic screening of a published or edited item, French and English: rules (word and pattern
 * lists for hate, nazi references, threats, personal attacks, spam phrases, illegal sales; spam
 * signals from links, new accounts and repeated text) and a naive Bayes classifier trained from
 * moderators' decisions. It gives a score (0–1) with its reasons, and what to do: nothing, put the
 * item at the top of the queue ({@link #QUEUE_AT}), or hide it at once pending review ({@link
 * #HIDE_AT}). Never prior moderation: the item is already published when it is screened.
 *
 * <p>Scores combine as independent signals: {@code 1 − Π(1 − s)} over the categories matched (each
 * category counts its strongest match), then the classifier's probability when it is at least 0.9,
 * weighted 0.6, so that it can queue an item on its own but not hide it. A rule matched inside
 * quotation marks counts half, and an item whose only matches are quoted is never hidden
 * automatically: quoting a slur to denounce it goes to a human.
 */
public final class Screening {

  public static final double QUEUE_AT = 0.5;
  public static final double HIDE_AT = 0.85;
  static final double CLASSIFIER_WEIGHT = 0.6;

  /** Below this, the classifier (trained on few decisions, so overconfident) says nothing. */
  static final double CLASSIFIER_FROM = 0.9;

  private static final Pattern LINK =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)([a-z0-9.-]+\\.[a-z]{2,})[^\\s]*");
  private static final Pattern QUOTED = Pattern.compile("[«“\"]([^«»“”\"]{1,2000})[»”\"]");

  /** What screening advises. */
  public enum Action {
    NONE,
    QUEUE,
    HIDE
  }

  /**
   * An item to screen: its text, the age of its author's account, and how many times the author
   * posted the same text recently.
   */
  public record Item(String text, Duration accountAge, int sameTextRecently) {}

  /** The score, its reasons (category:detail) and the advice. */
  public record Result(double score, List<String> reasons, Action action) {}

  record Rule(String category, double weight, Pattern pattern) {}

  private final List<Rule> rules;
  private final Set<String> spamDomains;
  private final NaiveBayes classifier;

  Screening(List<Rule> rules, Set<String> spamDomains, NaiveBayes classifier) {
    this.rules = List.copyOf(rules);
    this.spamDomains = Set.copyOf(spamDomains);
    this.classifier = classifier;
  }

  /** The shipped rules and domains with a classifier trained on the given decisions. */
  static Screening standard(NaiveBayes classifier) {
    return new Screening(RULES, SPAM_DOMAINS, classifier);
  }

  public Result screen(Item item) {
    String text = item.text() == null ? "" : item.text();
    var strongest = new LinkedHashMap<String, Double>();
    var reasons = new ArrayList<String>();
    // Outside and inside quotation marks apart: quoted matches count half.
    var quoted = new StringBuilder();
    var matcher = QUOTED.matcher(text);
    while (matcher.find()) {
      quoted.append(matcher.group(1)).append(" . ");
    }
    String outside = TextNormalizer.normalize(QUOTED.matcher(text).replaceAll(" . "));
    String inside = TextNormalizer.normalize(quoted.toString());
    for (Rule rule : rules) {
      if (rule.pattern().matcher(outside).find()) {
        raise(strongest, reasons, rule.category(), rule.weight(), rule.pattern().pattern(), false);
      } else if (!inside.isEmpty() && rule.pattern().matcher(inside).find()) {
        raise(
            strongest, reasons, rule.category(), rule.weight() / 2, rule.pattern().pattern(), true);
      }
    }
    spamSignals(text, item, strongest, reasons);
    double keep = 1;
    for (double s : strongest.values()) {
      keep *= 1 - s;
    }
    if (classifier != null && classifier.trained()) {
      double p = classifier.probability(text);
      if (p >= CLASSIFIER_FROM) {
        keep *= 1 - CLASSIFIER_WEIGHT * p;
        reasons.add("CLASSIFIER:" + String.format(Locale.ROOT, "%.2f", p));
      }
    }
    double score = 1 - keep;
    boolean quotedOnly =
        reasons.stream().anyMatch(r -> r.contains(":quoted:"))
            && reasons.stream()
                .allMatch(r -> r.contains(":quoted:") || r.startsWith("CLASSIFIER:"));
    if (quotedOnly) {
      score = Math.min(score, HIDE_AT - 0.01);
    }
    Action action = score >= HIDE_AT ? Action.HIDE : score >= QUEUE_AT ? Action.QUEUE : Action.NONE;
    return new Result(score, List.copyOf(reasons), action);
  }

  private void spamSignals(
      String text, Item item, Map<String, Double> strongest, List<String> reasons) {
    var links = LINK.matcher(text);
    int count = 0;
    while (links.find()) {
      count++;
      String host = links.group(1).toLowerCase(Locale.ROOT);
      for (String domain : spamDomains) {
        if (host.equals(domain) || host.endsWith("." + domain)) {
          raise(strongest, reasons, "SPAM", 0.9, "domain " + domain, false);
        }
      }
    }
    int words = Math.max(1, TextNormalizer.words(TextNormalizer.normalize(text)).size());
    if (count >= 3 || (count >= 2 && count * 10 > words)) {
      raise(strongest, reasons, "SPAM", 0.65, "link density " + count + "/" + words, false);
    }
    boolean newAccount =
        item.accountAge() != null && item.accountAge().compareTo(Duration.ofDays(1)) < 0;
    if (newAccount && count > 0) {
      raise(strongest, reasons, "SPAM", count > 1 ? 0.85 : 0.6, "new account with links", false);
    }
    if (item.sameTextRecently() >= 2) {
      raise(
          strongest,
          reasons,
          "SPAM",
          item.sameTextRecently() >= 4 ? 0.9 : 0.7,
          "same text " + item.sameTextRecently() + " times",
          false);
    }
  }

  private static void raise(
      Map<String, Double> strongest,
      List<String> reasons,
      String category,
      double weight,
      String detail,
      boolean quoted) {
    strongest.merge(category, weight, Math::max);
    String reason = category + (quoted ? ":quoted" : "") + ":" + shorten(detail);
    if (!reasons.contains(reason)) {
      reasons.add(reason);
    }
  }

  private static String shorten(String detail) {
    return detail.length() <= 60 ? detail : detail.substring(0, 57) + "...";
  }

  /**
   * The text cut where screening's rules matched, the matching words marked: the words of each
   * stretch a rule found (in the normalised text, disguises undone) and links to a listed spam
   * domain. The pieces joined give the text back exactly.
   */
  public static List<org.parvis.moderation.api.ModerationQueue.Piece> highlight(String text) {
    String original = text == null ? "" : text;
    // Each run of non-space characters, its normalised form, and where that form sits in the
    // normalised text built from them (the same as normalize(text): no letters touch across
    // spaces).
    var chunks = new ArrayList<int[]>();
    var normalized = new StringBuilder();
    var spans = new ArrayList<int[]>();
    var words = java.util.regex.Pattern.compile("\\S+").matcher(original);
    while (words.find()) {
      String form = TextNormalizer.normalize(words.group());
      chunks.add(new int[] {words.start(), words.end()});
      if (!form.isEmpty() && normalized.length() > 0) {
        normalized.append(' ');
      }
      spans.add(new int[] {normalized.length(), normalized.length() + form.length()});
      normalized.append(form);
    }
    var marked = new boolean[chunks.size()];
    for (Rule rule : RULES) {
      var found = rule.pattern().matcher(normalized);
      while (found.find()) {
        for (int i = 0; i < chunks.size(); i++) {
          int[] span = spans.get(i);
          if (span[1] > span[0] && span[0] < found.end() && found.start() < span[1]) {
            marked[i] = true;
          }
        }
      }
    }
    for (int i = 0; i < chunks.size(); i++) {
      var link = LINK.matcher(original.substring(chunks.get(i)[0], chunks.get(i)[1]));
      if (link.find()) {
        String host = link.group(1).toLowerCase(Locale.ROOT);
        marked[i] |= SPAM_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
      }
    }
    var pieces = new ArrayList<org.parvis.moderation.api.ModerationQueue.Piece>();
    int at = 0;
    for (int i = 0; i < chunks.size(); i++) {
      if (!marked[i]) {
        continue;
      }
      // Consecutive marked words make one marked piece, with the spaces between them.
      int start = chunks.get(i)[0];
      int end = chunks.get(i)[1];
      while (i + 1 < chunks.size() && marked[i + 1]) {
        end = chunks.get(++i)[1];
      }
      // Punctuation around the words stays unmarked ("connard," marks "connard").
      while (start < end && !Character.isLetterOrDigit(original.charAt(start))) {
        start++;
      }
      while (end > start && !Character.isLetterOrDigit(original.charAt(end - 1))) {
        end--;
      }
      if (start == end) {
        continue;
      }
      if (start > at) {
        pieces.add(
            new org.parvis.moderation.api.ModerationQueue.Piece(
                original.substring(at, start), false));
      }
      pieces.add(
          new org.parvis.moderation.api.ModerationQueue.Piece(
              original.substring(start, end), true));
      at = end;
    }
    if (at < original.length()) {
      pieces.add(
          new org.parvis.moderation.api.ModerationQueue.Piece(original.substring(at), false));
    }
    return pieces;
  }

  static final List<Rule> RULES = loadRules();
  static final Set<String> SPAM_DOMAINS = Set.copyOf(lines("spam-domains.txt"));

  private static List<Rule> loadRules() {
    var rules = new ArrayList<Rule>();
    for (String line : lines("rules.txt")) {
      String[] parts = line.split("\\|", 3);
      if (parts.length != 3) {
        throw new IllegalStateException("bad screening rule: " + line);
      }
      rules.add(
          new Rule(
              parts[0],
              Double.parseDouble(parts[1]),
              Pattern.compile("(?<![a-z0-9])(?:" + parts[2] + ")(?![a-z0-9])")));
    }
    return rules;
  }

  private static List<String> lines(String resource) {
    var stream =
        Screening.class.getResourceAsStream("/org/parvis/moderation/screening/" + resource);
    if (stream == null) {
      throw new IllegalStateException("missing " + resource);
    }
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
