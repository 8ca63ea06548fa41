package org.parvis.console.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ResourceBundle;

/**
 * The console's sign-in form. Staff accounts (brand database, Jakarta Security, second factor) come
 * with the accounts work; until then no credential is accepted, and the answer never says whether
 * the account exists.
 */
@Named
@RequestScoped
public class SignInPage {

  @Inject FacesContext faces;

  @NotBlank
  @Size(max = 254)
  private String username;

  @NotBlank
  @Size(max = 1024)
  private String password;

  public String signIn() {
    password = null;
    var bundle =
        ResourceBundle.getBundle(
            "org.parvis.console.web.messages", faces.getViewRoot().getLocale());
    faces.addMessage(
        null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle.getString("signin.failed"), null));
    return null;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
