package org.parvis.campaign.home.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.parvis.campaign.agenda.control.Agenda;
import org.parvis.campaign.news.control.Newsroom;

/** The brand site's home page: the latest news and the next events. */
@Named
@RequestScoped
public class HomePage {

  @Inject Newsroom newsroom;
  @Inject Agenda agenda;

  private List<Newsroom.Summary> news;
  private List<Agenda.Event> events;

  public List<Newsroom.Summary> getNews() {
    if (news == null) {
      news = newsroom.latest(3);
    }
    return news;
  }

  public List<Agenda.Event> getEvents() {
    if (events == null) {
      var next = agenda.upcoming(null, null, 0, Instant.now());
      events = next.subList(0, Math.min(3, next.size()));
    }
    return events;
  }
}
