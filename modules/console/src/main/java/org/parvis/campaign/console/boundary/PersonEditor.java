package org.parvis.campaign.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.parvis.campaign.media.control.MediaLibrary;
import org.parvis.campaign.people.control.People;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.PageMessages;

/** Editors write the pages of the party's candidates and elected officials, with their mandates. */
@Named
@RequestScoped
public class PersonEditor {

  @Inject FacesContext faces;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject People people;
  @Inject MediaLibrary media;
  @Inject PageMessages messages;

  private Long id;
  private People.Person person;
  private String name;
  private String role = "OFFICIAL";
  private Long photo;
  private String biography;
  private String publicEmail;
  private String links;
  private String networkHandle;
  private boolean published = true;
  private String office;
  private String territoryName;
  private String startsOn;
  private String endsOn;

  @PostConstruct
  void fromAddress() {
    id = EditedRow.id(faces);
    person = id == null ? null : people.person(id).orElse(null);
    if (person == null) {
      id = null;
      return;
    }
    name = person.name();
    role = person.role().name();
    photo = person.photoImageId();
    biography = person.biography();
    publicEmail = person.publicEmail();
    links = String.join("\n", person.links());
    networkHandle = person.networkHandle();
    published = person.published();
  }

  public List<People.Card> getPeople() {
    return people.list(null, true);
  }

  public List<MediaLibrary.Stored> getImages() {
    return media.recent(0);
  }

  @Audited(value = "PERSON_SAVED", side = "brand")
  public String save() {
    var saved =
        people.save(
            id,
            new People.Draft(
                name, role, photo, biography, publicEmail, links, networkHandle, published),
            Instant.now());
    if (!saved.ok()) {
      saved.problems().forEach((field, key) -> messages.errorOn(field, key));
      return null;
    }
    subject.about("id=" + saved.id());
    messages.info("person.saved");
    messages.keepForNextPage();
    return "/staff/content/person.xhtml?faces-redirect=true&id=" + saved.id();
  }

  @Audited(value = "PERSON_MANDATE_ADDED", side = "brand")
  public String addMandate() {
    LocalDate starts;
    LocalDate ends;
    try {
      starts = LocalDate.parse(String.valueOf(startsOn));
      ends = endsOn == null || endsOn.isBlank() ? null : LocalDate.parse(endsOn);
    } catch (DateTimeParseException e) {
      messages.error("mandate.dates.invalid");
      return null;
    }
    var problem =
        id == null
            ? java.util.Optional.of("person.unknown")
            : people.addMandate(id, office, territoryName, starts, ends);
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info("mandate.added");
    messages.keepForNextPage();
    return "/staff/content/person.xhtml?faces-redirect=true&id=" + id;
  }

  @Audited(value = "PERSON_MANDATE_REMOVED", side = "brand")
  public String removeMandate(long mandateId) {
    if (id != null) {
      people.removeMandate(id, mandateId);
    }
    return "/staff/content/person.xhtml?faces-redirect=true&id=" + id;
  }

  public People.Person getPerson() {
    return person;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public Long getPhoto() {
    return photo;
  }

  public void setPhoto(Long photo) {
    this.photo = photo;
  }

  public String getBiography() {
    return biography;
  }

  public void setBiography(String biography) {
    this.biography = biography;
  }

  public String getPublicEmail() {
    return publicEmail;
  }

  public void setPublicEmail(String publicEmail) {
    this.publicEmail = publicEmail;
  }

  public String getLinks() {
    return links;
  }

  public void setLinks(String links) {
    this.links = links;
  }

  public String getNetworkHandle() {
    return networkHandle;
  }

  public void setNetworkHandle(String networkHandle) {
    this.networkHandle = networkHandle;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public String getOffice() {
    return office;
  }

  public void setOffice(String office) {
    this.office = office;
  }

  public String getTerritoryName() {
    return territoryName;
  }

  public void setTerritoryName(String territoryName) {
    this.territoryName = territoryName;
  }

  public String getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(String startsOn) {
    this.startsOn = startsOn;
  }

  public String getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(String endsOn) {
    this.endsOn = endsOn;
  }
}
