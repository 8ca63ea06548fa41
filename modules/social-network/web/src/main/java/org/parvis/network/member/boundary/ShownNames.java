package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ResourceBundle;
import org.parvis.kernel.web.Language;
import org.parvis.network.privacy.control.AccountErasure;

/**
 * Names as the reader sees them: an erased member's tombstone is stored under one fixed name and
 * shown in the reader's language ("Participant supprimé", "Deleted participant").
 */
@Named
@RequestScoped
public class ShownNames {

  @Inject Language language;

  public String of(String stored) {
    if (!AccountErasure.TOMBSTONE_NAME.equals(stored)) {
      return stored;
    }
    return ResourceBundle.getBundle("org.parvis.network.web.messages", language.getLocale())
        .getString("member.erased");
  }
}
