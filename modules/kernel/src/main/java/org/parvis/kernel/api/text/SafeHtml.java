package org.parvis.kernel.api.text;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Rich text written by users (an initiative's description, an article's body), made safe on the
 * server before it is stored: paragraphs, emphasis, lists, quotes, headings and links survive;
 * scripts, styles, event handlers, images and frames do not. Links get {@code rel="nofollow
 * noopener noreferrer ugc"} so that spam earns nothing and no page learns where the reader came
 * from.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href")
                  .onElements("a")
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
                  .allowElements("ul", "ol", "li", "br", "hr")
                  .toFactory());

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SafeHtml() {}

  /** The text with everything unsafe removed; never null. */
  public static String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html).strip();
  }

  /** What a reader sees, without markup: for lengths, search and summaries. */
  public static String plainText(String safeHtml) {
    if (safeHtml == null) {
      return "";
    }
    String text =
        TAG.matcher(safeHtml)
            .replaceAll(" ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#64;", "@")
            .replace("&#61;", "=")
            .replace("&#96;", "`")
            .replace("&#43;", "+")
            .replace("&amp;", "&");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** Whether the text carries a link (a dormant account posting links is frozen for review). */
  public static boolean containsLinks(String text) {
    return text != null && LINK.matcher(text).find();
  }
}
