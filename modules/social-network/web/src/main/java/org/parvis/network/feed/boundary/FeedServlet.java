package org.parvis.network.feed.boundary;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.web.Feeds;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.Initiatives.Syndicated;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.initiative.control.PublicActivity;
import org.parvis.network.initiative.control.Timeline;
import org.parvis.network.member.control.Members;
import org.parvis.network.territory.control.TerritoryDirectory;

/**
 * RSS 2.0 and Atom 1.0 feeds (written by Rome), each at {@code .rss} and {@code .atom}:
 *
 * <ul>
 *   <li>{@code /flux/initiatives} the latest initiatives;
 *   <li>{@code /flux/themes/TRANSPORT} the latest of a theme;
 *   <li>{@code /flux/territoires/COMMUNE/23096} (or DEPARTEMENT/23, REGION/75, NATIONAL/FR) the
 *       latest of a territory;
 *   <li>{@code /flux/initiatives/42} the history of one initiative (publication, edits, milestones,
 *       answers, counter-initiatives, its end);
 *   <li>{@code /flux/membres/handle} a member's public activity.
 * </ul>
 *
 * Ids are the permanent addresses of the pages (with a fragment per event) under the configured
 * public address, never the Host header a request brings. French unless {@code ?lang=en}.
 */
@WebServlet("/flux/*")
public class FeedServlet extends HttpServlet {

  private static final Pattern PATH =
      Pattern.compile(
          "/(initiatives|themes/([A-Z_]{1,20})|territoires/([A-Z]{1,12})/([0-9AB]{1,5}|FR)"
              + "|initiatives/([0-9]{1,18})|membres/([a-z0-9_.-]{1,30}))\\.(rss|atom)");

  @Inject Initiatives initiatives;
  @Inject Timeline timeline;
  @Inject OfficialRouting routing;
  @Inject PublicActivity activity;
  @Inject Members members;
  @Inject TerritoryDirectory territories;

  @Inject
  @ConfigProperty(name = "parvis.network.public-url")
  String publicUrl;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var matcher = PATH.matcher(String.valueOf(request.getPathInfo()));
    var bundle =
        ResourceBundle.getBundle(
            "org.parvis.network.web.messages",
            "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.FRENCH);
    Optional<SyndFeed> feed = Optional.empty();
    if (matcher.matches()) {
      var texts = new Texts(bundle, base());
      if (matcher.group(5) != null) {
        feed = initiative(Long.parseLong(matcher.group(5)), texts);
      } else if (matcher.group(6) != null) {
        feed = member(matcher.group(6), texts);
      } else if (matcher.group(2) != null) {
        feed = theme(matcher.group(2), texts);
      } else if (matcher.group(3) != null) {
        feed = territory(matcher.group(3), matcher.group(4), texts);
      } else {
        feed = Optional.of(latest(texts));
      }
    }
    if (feed.isEmpty()) {
      response.setContentType("text/plain;charset=UTF-8");
      response.sendError(HttpServletResponse.SC_NOT_FOUND, bundle.getString("feed.unknown"));
      return;
    }
    Feeds.write(
        feed.get(),
        "atom".equals(matcher.group(7)),
        "en".equals(request.getParameter("lang")) ? "en" : "fr",
        base() + "/flux" + request.getPathInfo(),
        response);
  }

  private Optional<SyndFeed> initiative(long id, Texts texts) {
    var view = initiatives.view(id, null);
    if (view.isEmpty()) {
      return Optional.empty();
    }
    var i = view.get();
    String page = texts.base() + "/initiatives/voir.xhtml?id=" + id;
    var answers =
        routing.answers(id).stream()
            .collect(Collectors.toMap(OfficialRouting.Answer::id, Function.identity()));
    var events = timeline.latest(id, 50);
    var counters =
        initiatives
            .summaries(
                events.stream()
                    .filter(e -> e.kind() == Timeline.Kind.COUNTER && e.ref() != null)
                    .map(Timeline.Event::ref)
                    .toList())
            .stream()
            .collect(Collectors.toMap(Initiatives.Summary::id, Function.identity()));
    var entries = new ArrayList<SyndEntry>();
    for (var event : events) {
      String title = texts.text("feed.event." + event.kind().name(), i.title());
      String body = title;
      String link = page;
      String author = i.authorName();
      if (event.kind() == Timeline.Kind.ANSWER && answers.containsKey(event.ref())) {
        var answer = answers.get(event.ref());
        title = texts.text("feed.event.ANSWER.by", answer.displayName(), answer.mandate());
        body = answer.body();
        author = answer.displayName();
      } else if (event.kind() == Timeline.Kind.COUNTER && counters.containsKey(event.ref())) {
        var counter = counters.get(event.ref());
        title = texts.text("feed.event.COUNTER.named", counter.title());
        link = texts.base() + "/initiatives/voir.xhtml?id=" + counter.id();
        author = counter.authorName();
      } else if (event.kind() == Timeline.Kind.PUBLISHED) {
        body = Initiatives.excerpt(i.description());
      }
      entries.add(
          Feeds.entry(
              page + "#evenement-" + event.id(),
              title,
              link,
              body,
              author,
              event.at(),
              event.at()));
    }
    return Optional.of(
        Feeds.feed(
            texts.text("feed.initiative.title", i.title()),
            page,
            Initiatives.excerpt(i.description()),
            entries));
  }

  private Optional<SyndFeed> member(String handle, Texts texts) {
    var member = members.confirmed(handle);
    if (member.isEmpty()) {
      return Optional.empty();
    }
    var m = member.get();
    String page =
        texts.base()
            + "/membres/profil.xhtml?pseudo="
            + URLEncoder.encode(m.handle(), StandardCharsets.UTF_8);
    var entries = new ArrayList<SyndEntry>();
    for (var act : activity.of(m.handle(), 30)) {
      String link = texts.base() + "/initiatives/voir.xhtml?id=" + act.initiativeId();
      String id =
          switch (act.kind()) {
            case "INITIATIVE" -> link;
            case "COMMENT" -> link + "#commentaire-" + act.id();
            default -> link + "#reponse-" + act.id();
          };
      entries.add(
          Feeds.entry(
              id,
              texts.text("feed.act." + act.kind(), act.initiativeTitle()),
              link,
              act.text(),
              m.displayName(),
              act.at(),
              act.at()));
    }
    return Optional.of(
        Feeds.feed(
            texts.text("feed.member.title", m.displayName()),
            page,
            texts.text("feed.member.description", m.displayName()),
            entries));
  }

  private Optional<SyndFeed> theme(String theme, Texts texts) {
    if (!texts.bundle().containsKey("theme." + theme)) {
      return Optional.empty();
    }
    String name = texts.bundle().getString("theme." + theme);
    return Optional.of(
        list(
            new Filter(null, null, theme, null, "new", null),
            texts.text("feed.theme.title", name),
            texts.base() + "/initiatives/?theme=" + theme,
            texts));
  }

  private Optional<SyndFeed> territory(String kind, String code, Texts texts) {
    return territories
        .resolve(kind, "FR".equals(code) ? null : code)
        .map(
            t ->
                list(
                    new Filter(t.kind(), t.code(), null, null, "new", null),
                    texts.text("feed.territory.title", t.name()),
                    texts.base()
                        + "/territoires/voir.xhtml?type="
                        + t.kind()
                        + (t.code() == null ? "" : "&code=" + t.code()),
                    texts));
  }

  private SyndFeed latest(Texts texts) {
    return list(
        Filter.all(), texts.text("feed.latest.title"), texts.base() + "/initiatives/", texts);
  }

  private SyndFeed list(Filter filter, String title, String page, Texts texts) {
    var entries = new ArrayList<SyndEntry>();
    for (Syndicated s : initiatives.syndicated(filter)) {
      String link = texts.base() + "/initiatives/voir.xhtml?id=" + s.summary().id();
      entries.add(
          Feeds.entry(
              link,
              s.summary().title() + " — " + s.summary().territoryName(),
              link,
              s.excerpt(),
              s.summary().authorName(),
              s.summary().publishedAt(),
              s.updatedAt()));
    }
    return Feeds.feed(title, page, title, entries);
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The bundle of the feed's language and the public address. */
  private record Texts(ResourceBundle bundle, String base) {
    String text(String key, Object... arguments) {
      return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
  }
}
