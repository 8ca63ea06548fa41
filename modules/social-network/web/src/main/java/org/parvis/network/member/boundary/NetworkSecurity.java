package org.parvis.network.member.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import org.parvis.kernel.api.web.FormSignIn;

/**
 * Jakarta Security for the network: members sign in on a Faces form (CSRF-protected by its view
 * state); pages under /compte/ need the member role (web.xml).
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles(NetworkSecurity.MEMBER)
public class NetworkSecurity extends FormSignIn {

  public static final String MEMBER = "member";

  @Override
  protected String signInPage() {
    return "/connexion.xhtml";
  }
}
