package org.parvis.console.moderation.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reasons screening and reports stored for an item ({@code SPAM:new account with links,
 * HATE:quoted:(pattern), CLASSIFIER:0.93, REPORTS:3 (weight 1.50 of 3.00)}) as the moderator reads
 * them: a message key of the console's bundles with its arguments, and the score as a level. The
 * rules' patterns themselves are not shown: a regular expression says nothing to a moderator, the
 * category and whether it was quoted do.
 */
public final class ScreeningReasons {

  /** Scores from which screening queues and hides an item (as {@code Screening} decides). */
  static final double QUEUED_FROM = 0.5;

  static final double HIDDEN_FROM = 0.85;

  private static final Pattern SEPARATOR = Pattern.compile(", (?=[A-Z]+:)");
  private static final Map<Pattern, String> SPAM =
      Map.of(
          Pattern.compile("domain (\\S+)"), "spam.domain",
          Pattern.compile("link density (\\d+)/(\\d+)"), "spam.links",
          Pattern.compile("same text (\\d+) times"), "spam.repeated",
          Pattern.compile("new account with links"), "spam.newAccount");
  private static final Pattern REPORTS = Pattern.compile("(\\d+)(?: .*)?");
  private static final Pattern PROBABILITY = Pattern.compile("\\d+(?:\\.\\d+)?");

  private ScreeningReasons() {}

  /**
   * One reason: the bundle key of its sentence ({@code moderation.reason.*}), the category whose
   * name ({@code moderation.category.*}) is its first argument when there is one, and its other
   * arguments (numbers, a domain).
   */
  public record Reason(String key, String category, List<Object> arguments) {

    /** The first argument of the sentence, when it is not the category's name. */
    public Object first() {
      return arguments.isEmpty() ? null : arguments.get(0);
    }

    public Object second() {
      return arguments.size() < 2 ? null : arguments.get(1);
    }
  }

  /**
   * Each stored reason, in order, each sentence once; one the console does not know keeps its
   * stored text.
   */
  public static List<Reason> describe(String stored) {
    var reasons = new ArrayList<Reason>();
    if (stored == null || stored.isBlank()) {
      return reasons;
    }
    for (String part : SEPARATOR.split(stored.strip())) {
      var reason = reason(part);
      // Two rules of one category read the same to a moderator: say it once.
      if (!reasons.contains(reason)) {
        reasons.add(reason);
      }
    }
    return reasons;
  }

  /**
   * The score's level: {@code low} (not queued by screening alone), {@code medium}, {@code high}.
   */
  public static String level(double score) {
    return score >= HIDDEN_FROM ? "high" : score >= QUEUED_FROM ? "medium" : "low";
  }

  private static Reason reason(String reason) {
    int colon = reason.indexOf(':');
    if (colon < 0) {
      return unknown(reason);
    }
    String category = reason.substring(0, colon);
    String detail = reason.substring(colon + 1);
    switch (category) {
      case "SPAM":
        for (var rule : SPAM.entrySet()) {
          var m = rule.getKey().matcher(detail);
          if (m.matches()) {
            var arguments = new ArrayList<Object>();
            for (int g = 1; g <= m.groupCount(); g++) {
              String value = m.group(g);
              arguments.add(
                  value.chars().allMatch(Character::isDigit) ? Long.valueOf(value) : value);
            }
            return new Reason("moderation.reason." + rule.getValue(), null, arguments);
          }
        }
        return new Reason("moderation.reason.rule", category, List.of());
      case "CLASSIFIER":
        return PROBABILITY.matcher(detail).matches()
            ? new Reason("moderation.reason.classifier", null, List.of(Double.valueOf(detail)))
            : unknown(reason);
      case "REPORTS":
        var m = REPORTS.matcher(detail);
        return m.matches()
            ? new Reason("moderation.reason.reports", null, List.of(Long.valueOf(m.group(1))))
            : unknown(reason);
      default:
        return new Reason(
            detail.startsWith("quoted:")
                ? "moderation.reason.rule.quoted"
                : "moderation.reason.rule",
            category,
            List.of());
    }
  }

  private static Reason unknown(String stored) {
    return new Reason("moderation.reason.other", null, List.of(stored));
  }
}
