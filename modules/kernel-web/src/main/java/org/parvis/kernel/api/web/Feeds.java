package org.parvis.kernel.api.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.parvis.kernel.api.text.StoredText;

/**
 * RSS 2.0 and Atom 1.0 feeds as both sites write them (with Rome): permanent entry ids, a feed
 * dated by its newest entry, a self link and an alternate link to the page it follows. Every text
 * is cleaned again on its way out ({@link StoredText}): rows stored before the rule existed can
 * hold characters XML refuses, and one of them must not break a feed.
 */
public final class Feeds {

  private Feeds() {}

  /** An entry; {@code id} is a permanent absolute address. */
  public static SyndEntry entry(
      String id,
      String title,
      String link,
      String text,
      String author,
      Instant published,
      Instant updated) {
    var entry = new SyndEntryImpl();
    entry.setUri(id);
    entry.setTitle(StoredText.clean(title));
    entry.setLink(link);
    entry.setAuthor(StoredText.clean(author));
    entry.setPublishedDate(Date.from(published));
    entry.setUpdatedDate(Date.from(updated == null ? published : updated));
    var content = new SyndContentImpl();
    content.setType("text/plain");
    content.setValue(StoredText.clean(text));
    entry.setDescription(content);
    return entry;
  }

  /** A feed following the page at {@code page}. */
  public static SyndFeed feed(
      String title, String page, String description, List<SyndEntry> entries) {
    var feed = new SyndFeedImpl();
    feed.setTitle(StoredText.clean(title));
    feed.setLink(page);
    feed.setUri(page);
    feed.setDescription(StoredText.clean(description));
    feed.setEntries(entries);
    feed.setAuthor(StoredText.clean(title));
    // A feed's date is its newest entry's, so that it changes only when the content does.
    feed.setPublishedDate(
        Date.from(
            entries.stream()
                .map(e -> e.getUpdatedDate().toInstant())
                .max(Comparator.naturalOrder())
                .orElse(Instant.parse("2026-01-01T00:00:00Z"))));
    return feed;
  }

  /**
   * Writes the feed as Atom or RSS in {@code language}, with its self link at {@code selfUrl},
   * cacheable for five minutes.
   */
  public static void write(
      SyndFeed feed, boolean atom, String language, String selfUrl, HttpServletResponse response)
      throws IOException {
    feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
    feed.setLanguage(language);
    var self = new SyndLinkImpl();
    self.setRel("self");
    self.setType(atom ? "application/atom+xml" : "application/rss+xml");
    self.setHref(selfUrl);
    var alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(feed.getLink());
    feed.setLinks(List.of(alternate, self));
    response.setContentType(
        (atom ? "application/atom+xml" : "application/rss+xml") + ";charset=UTF-8");
    response.setHeader("Cache-Control", "public, max-age=300");
    try {
      new SyndFeedOutput().output(feed, response.getWriter());
    } catch (FeedException e) {
      throw new IOException("feed not written", e);
    }
  }
}
