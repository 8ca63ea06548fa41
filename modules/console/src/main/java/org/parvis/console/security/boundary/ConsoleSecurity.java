package org.parvis.console.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import org.parvis.kernel.api.web.FormSignIn;

/**
 * Jakarta Security for the console: the sign-in page is a Faces form (CSRF-protected by its view
 * state); pages under /staff/ need a staff role (web.xml). Group names are the roles' {@code
 * Role.group()} values.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({"editor", "moderator", "administrator", "data_protection_officer"})
public class ConsoleSecurity extends FormSignIn {

  @Override
  protected String signInPage() {
    return "/index.xhtml";
  }
}
