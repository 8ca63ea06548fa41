package org.parvis.campaign.agenda.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.campaign.agenda.control.ICalendar;
import org.parvis.campaign.site.boundary.BrandSite;

/**
 * iCalendar files: the whole agenda at {@code /calendrier/agenda.ics} (to subscribe to) and one
 * event at {@code /calendrier/evenement/{slug}.ics} (to add to one's calendar).
 */
@WebServlet("/calendrier/*")
public class CalendarServlet extends HttpServlet {

  private static final Pattern EVENT = Pattern.compile("/evenement/([a-z0-9-]{1,120})\\.ics");

  @Inject Agenda agenda;
  @Inject BrandSite site;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = String.valueOf(request.getPathInfo());
    Instant now = Instant.now();
    List<Agenda.Event> events;
    String name;
    String file;
    var matcher = EVENT.matcher(path);
    if (path.equals("/agenda.ics")) {
      events = agenda.forCalendar(now);
      name = site.getPartyName();
      file = "agenda.ics";
    } else if (matcher.matches() && agenda.event(matcher.group(1)).isPresent()) {
      var event = agenda.event(matcher.group(1)).get();
      events = List.of(event);
      name = event.title();
      file = event.slug() + ".ics";
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/calendar;charset=UTF-8");
    response.setHeader("Content-Disposition", "inline; filename=\"" + file + "\"");
    response.setHeader("Cache-Control", "public, max-age=300");
    response
        .getWriter()
        .write(
            ICalendar.of(
                events, name, site.host(), site.url("/agenda/evenement.xhtml?slug="), now));
  }
}
