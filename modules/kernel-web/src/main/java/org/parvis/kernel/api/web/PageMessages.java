package org.parvis.kernel.api.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;

/**
 * A site's texts in the visitor's language (the resource bundle its faces-config names {@code
 * msg}), and page messages built from them, for the whole page or for one field.
 */
@RequestScoped
public class PageMessages {

  @Inject FacesContext faces;

  public String text(String key, Object... arguments) {
    var bundle = faces.getApplication().getResourceBundle(faces, "msg");
    if (arguments.length == 0) {
      // As the pages show it: MessageFormat would swallow an apostrophe ("party's").
      return bundle.getString(key);
    }
    var format = new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale());
    return format.format(arguments);
  }

  public void error(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  public void info(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_INFO, key, arguments);
  }

  /** An error shown next to the field whose client id is {@code field}. */
  public void errorOn(String field, String key, Object... arguments) {
    add(field, FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  /** Whether an error was said during this request. */
  public boolean hasErrors() {
    var worst = faces.getMaximumSeverity();
    return worst != null && worst.compareTo(FacesMessage.SEVERITY_ERROR) >= 0;
  }

  /** Keeps this request's messages for the page a redirect leads to. */
  public void keepForNextPage() {
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  private void add(String field, FacesMessage.Severity severity, String key, Object... arguments) {
    faces.addMessage(field, new FacesMessage(severity, text(key, arguments), null));
  }
}
