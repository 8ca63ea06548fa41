package org.parvis.network.initiative.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.entity.InitiativeRevision;
import org.parvis.network.member.boundary.CurrentMember;

/** The earlier versions of an edited initiative: nothing is rewritten silently. */
@Named
@RequestScoped
public class HistoryPage {

  @Inject FacesContext faces;
  @Inject CurrentMember member;
  @Inject Initiatives initiatives;

  private long id;
  private Initiatives.View view;

  public void load() throws IOException {
    view = initiatives.view(id, member.handle()).orElse(null);
    if (view == null) {
      faces.getExternalContext().responseSendError(404, "no such initiative");
      faces.responseComplete();
    }
  }

  public Initiatives.View getView() {
    return view;
  }

  public List<InitiativeRevision> getRevisions() {
    return initiatives.revisions(id);
  }

  public String getId() {
    return Long.toString(id);
  }

  /** The id as the address gives it: anything but a number is an unknown initiative (404). */
  public void setId(String id) {
    try {
      this.id = id == null ? 0 : Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      this.id = 0;
    }
  }
}
