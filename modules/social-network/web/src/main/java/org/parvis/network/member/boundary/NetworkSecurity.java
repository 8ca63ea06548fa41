package org.parvis.network.member.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security for the network: members sign in on a Faces form (CSRF-protected by its view
 * state); pages under /compte/ need the member role (web.xml).
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/connexion.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles(NetworkSecurity.MEMBER)
public class NetworkSecurity {

  public static final String MEMBER = "member";
}
