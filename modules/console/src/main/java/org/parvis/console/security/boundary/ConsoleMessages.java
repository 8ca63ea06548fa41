package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The console's texts in the visitor's language, and page messages built from them. */
@RequestScoped
public class ConsoleMessages {

  @Inject FacesContext faces;

  String text(String key, Object... arguments) {
    var bundle =
        ResourceBundle.getBundle(
            "org.parvis.console.web.messages", faces.getViewRoot().getLocale());
    return MessageFormat.format(bundle.getString(key), arguments);
  }

  void error(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  private void add(FacesMessage.Severity severity, String key, Object... arguments) {
    faces.addMessage(null, new FacesMessage(severity, text(key, arguments), null));
  }
}
