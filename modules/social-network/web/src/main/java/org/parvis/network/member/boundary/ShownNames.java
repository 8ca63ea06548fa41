package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;
import org.parvis.network.privacy.control.AccountErasure;

/**
 * Names as the reader sees them: an erased member's tombstone is stored under one fixed name and
 * shown in the reader's language ("Participant supprimé", "Deleted participant").
 */
@Named
@RequestScoped
public class ShownNames {

  @Inject FacesContext faces;

  public String of(String stored) {
    if (!AccountErasure.TOMBSTONE_NAME.equals(stored)) {
      return stored;
    }
    // The page's locale: the layout sets it from the reader's choice or their browser.
    return ResourceBundle.getBundle(
            "org.parvis.network.web.messages", faces.getViewRoot().getLocale())
        .getString("member.erased");
  }
}
