package org.parvis.campaign.people.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.parvis.campaign.people.control.People;

/** The party's elected officials and candidates, and each one's page. */
@Named
@RequestScoped
public class PeoplePage {

  @Inject FacesContext faces;
  @Inject People people;

  private String slug;
  private People.Person person;

  public List<People.Card> getOfficials() {
    return people.list(People.Role.OFFICIAL, false);
  }

  public List<People.Card> getCandidates() {
    return people.list(People.Role.CANDIDATE, false);
  }

  public void load() throws IOException {
    person = slug == null ? null : people.published(slug).orElse(null);
    if (person == null) {
      faces.getExternalContext().responseSendError(404, "no such person");
      faces.responseComplete();
    }
  }

  public People.Person getPerson() {
    return person;
  }

  public LocalDate getToday() {
    return LocalDate.now(ZoneId.of("Europe/Paris"));
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }
}
