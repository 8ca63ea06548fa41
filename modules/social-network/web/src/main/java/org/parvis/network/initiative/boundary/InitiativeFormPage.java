package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Proposal;
import org.parvis.network.initiative.entity.Initiative.Theme;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.territory.control.TerritoryDirectory;

/**
 * Writing an initiative: a new one (possibly a counter-initiative, {@code ?contre=id}) or the
 * author's own ({@code ?id=}), saved as a draft or published at once. The description accepts
 * simple HTML (paragraphs, emphasis, lists, links), cleaned on the server. A commune is given by
 * its INSEE code or its postal code; left empty, it is the member's own.
 */
@Named
@RequestScoped
public class InitiativeFormPage {

  @Inject FacesContext faces;
  @Inject CurrentMember member;
  @Inject Initiatives initiatives;
  @Inject TerritoryDirectory territories;
  @Inject MemberAccounts accounts;
  @Inject PageMessages messages;

  private Long id;
  private Long counterOf;
  private String counterKind = "ALTERNATIVE";
  private String title;
  private String description;
  private String theme;
  private String territoryKind = "COMMUNE";
  private String territoryCode;
  private Integer signatureGoal;
  private String deadline;
  private jakarta.servlet.http.Part image;
  private Initiatives.View countered;

  /**
   * Reads the address's parameters before anything else: on a form's postback they come from hidden
   * fields, and the page needs them to know which buttons it shows.
   */
  @jakarta.annotation.PostConstruct
  void fromAddress() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    id = number(parameters.get("id"));
    counterOf = number(parameters.get("contre"));
  }

  private static Long number(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  /** Fills the form with the author's initiative, or checks the countered one exists. */
  public void load() throws IOException {
    if (id != null && title == null) {
      var view =
          initiatives
              .view(id, member.handle())
              .filter(v -> java.util.Objects.equals(v.authorHandle(), member.handle()));
      if (view.isEmpty()) {
        notFound();
        return;
      }
      var v = view.get();
      title = v.title();
      description = v.description();
      theme = v.theme();
      territoryKind = v.territory().kind();
      territoryCode = v.territory().code();
      signatureGoal = v.signatureGoal();
      deadline = v.deadline() == null ? null : v.deadline().toString();
    }
    if (counterOf != null) {
      countered = initiatives.view(counterOf, null).orElse(null);
      if (countered == null) {
        notFound();
        return;
      }
      if (id == null && theme == null) {
        theme = countered.theme();
        territoryKind = countered.territory().kind();
        territoryCode = countered.territory().code();
      }
    }
  }

  private void notFound() throws IOException {
    faces.getExternalContext().responseSendError(404, "no such initiative");
    faces.responseComplete();
  }

  public String publish() {
    return save(true);
  }

  public String saveDraft() {
    return save(false);
  }

  private String save(boolean publish) {
    LocalDate until = null;
    if (deadline != null && !deadline.isBlank()) {
      try {
        until = LocalDate.parse(deadline.strip());
      } catch (DateTimeParseException e) {
        messages.errorOn("deadline", "initiative.deadline.invalid");
        return null;
      }
    }
    String code = null;
    if (id == null && "COMMUNE".equals(territoryKind)) {
      code = communeCode();
    } else if (id == null) {
      code = territoryCode;
    }
    // The image is checked first: a refused file loses no text (the form comes back filled).
    org.parvis.kernel.api.media.Images.Cleaned cleaned = null;
    if (image != null && image.getSize() > 0) {
      try (var input = image.getInputStream()) {
        cleaned =
            org.parvis.kernel.api.media.Images.clean(
                input.readNBytes(org.parvis.kernel.api.media.Images.MAX_BYTES + 1), IMAGE_SIDE);
      } catch (org.parvis.kernel.api.media.Images.Refused refused) {
        messages.errorOn("image", refused.key());
        return null;
      } catch (java.io.IOException e) {
        messages.errorOn("image", "image.broken");
        return null;
      }
    }
    var proposal =
        new Proposal(
            title,
            description,
            theme,
            territoryKind,
            code,
            signatureGoal,
            until,
            counterOf,
            counterOf == null ? null : counterKind);
    if (id == null && "COMMUNE".equals(territoryKind) && code == null) {
      // The commune could not be told: say what else is wrong too, in one go.
      show(initiatives.problems(proposal));
      return null;
    }
    Map<String, String> problems;
    Long saved = id;
    if (id == null) {
      var outcome = initiatives.propose(member.handle(), proposal, publish, member.address());
      problems = outcome.problems();
      saved = outcome.id();
    } else {
      problems = initiatives.edit(member.handle(), id, proposal, member.address());
    }
    if (!problems.isEmpty()) {
      show(problems);
      return null;
    }
    if (cleaned != null) {
      initiatives.setImage(member.handle(), saved, cleaned);
    }
    messages.info(
        id != null ? "initiative.saved" : publish ? "initiative.published" : "initiative.drafted");
    messages.keepForNextPage();
    return "/initiatives/voir.xhtml?faces-redirect=true&id=" + saved;
  }

  private void show(Map<String, String> problems) {
    problems.forEach(
        (field, key) -> {
          if ("global".equals(field)) {
            messages.error(key);
          } else {
            // The rules name the territory as a whole; its field on the form is the code.
            messages.errorOn("territory".equals(field) ? "territoryCode" : field, key);
          }
        });
  }

  /** The INSEE code of the chosen commune; null (with a message) when it cannot be told. */
  private String communeCode() {
    String code = territoryCode == null ? "" : territoryCode.strip();
    if (code.isEmpty()) {
      return accounts.ownAccount(member.handle()).map(a -> a.communeCode()).orElse(null);
    }
    if (territories.byCode(code).isPresent()) {
      return code;
    }
    var communes = territories.byPostalCode(code);
    if (communes.size() == 1) {
      return communes.get(0).code();
    }
    if (communes.isEmpty()) {
      messages.errorOn("territoryCode", "initiative.territory.invalid");
    } else {
      messages.errorOn(
          "territoryCode",
          "initiative.commune.ambiguous",
          communes.stream()
              .map(c -> c.name() + " (" + c.code() + ")")
              .collect(Collectors.joining(", ")));
    }
    return null;
  }

  /** Images are kept at most this many pixels wide or high. */
  static final int IMAGE_SIDE = 1600;

  public jakarta.servlet.http.Part getImage() {
    return image;
  }

  public void setImage(jakarta.servlet.http.Part image) {
    this.image = image;
  }

  public List<String> getThemes() {
    return Arrays.stream(Theme.values()).map(Enum::name).toList();
  }

  public boolean isEditing() {
    return id != null;
  }

  public Initiatives.View getCountered() {
    return countered;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getCounterOf() {
    return counterOf;
  }

  public void setCounterOf(Long counterOf) {
    this.counterOf = counterOf;
  }

  public String getCounterKind() {
    return counterKind;
  }

  public void setCounterKind(String counterKind) {
    this.counterKind = counterKind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public String getTerritoryKind() {
    return territoryKind;
  }

  public void setTerritoryKind(String territoryKind) {
    this.territoryKind = territoryKind;
  }

  public String getTerritoryCode() {
    return territoryCode;
  }

  public void setTerritoryCode(String territoryCode) {
    this.territoryCode = territoryCode;
  }

  public Integer getSignatureGoal() {
    return signatureGoal;
  }

  public void setSignatureGoal(Integer signatureGoal) {
    this.signatureGoal = signatureGoal;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }
}
