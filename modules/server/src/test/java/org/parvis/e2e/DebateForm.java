package org.parvis.e2e;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The debate of an initiative page: one form ({@code debate}) around every thread's reply fields
 * and every own comment's edit field, each named after its row.
 */
final class DebateForm {

  private DebateForm() {}

  /** The thread whose text contains {@code text}, on the page the session last loaded. */
  static Element thread(WebSession session, String page, String text) {
    return Jsoup.parse(session.get(page).body()).select("ol.threads > li").stream()
        .filter(li -> li.text().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no thread with \"" + text + "\" on " + page));
  }

  /** The first thread of the page. */
  static Element firstThread(WebSession session, String page) {
    var first = Jsoup.parse(session.get(page).body()).select("ol.threads > li").first();
    if (first == null) {
      throw new AssertionError("no thread on " + page);
    }
    return first;
  }

  /** Replies under the thread (the page must be the session's last one). */
  static HttpResponse<String> reply(
      WebSession session, Element thread, String stance, String text, boolean quote) {
    String prefix = prefix(thread.select("textarea[name$=replyBody]").first(), "replyBody");
    return session.submit(
        "debate",
        prefix + "sendReply",
        quote
            ? Map.of(
                prefix + "replyStance",
                stance,
                prefix + "replyBody",
                text,
                prefix + "quote",
                "true")
            : Map.of(prefix + "replyStance", stance, prefix + "replyBody", text));
  }

  /** Rewrites one's own comment, the first editable one in {@code scope}. */
  static HttpResponse<String> edit(WebSession session, Element scope, String text) {
    String prefix = prefix(scope.select("textarea[name$=editBody]").first(), "editBody");
    return session.submit("debate", prefix + "saveEdit", Map.of(prefix + "editBody", text));
  }

  private static String prefix(Element field, String suffix) {
    if (field == null) {
      throw new AssertionError("no " + suffix + " field");
    }
    String name = field.attr("name");
    return name.substring(0, name.length() - suffix.length());
  }
}
