package org.parvis.kernel.api.web;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Sign-in on a Faces form, for a side whose pages under a protected path need a role. Replaces
 * Jakarta Security's built-in form mechanism, whose "login to continue" redirect is an absolute
 * address built from the request's {@code Host} header ({@code Host: evil.example} sent the visitor
 * to {@code http://evil.example/…}): here every redirect is a path of this site.
 *
 * <p>An anonymous visitor asking for a protected page is sent to the sign-in page, the page they
 * asked for kept in the session (GET only) for {@link #continueTo} once they are signed in. The
 * sign-in page calls {@code SecurityContext.authenticate} with a credential its own checks have
 * already verified; the side's identity store turns it into the caller. Subclasses are
 * {@code @ApplicationScoped @AutoApplySession} beans, so the caller stays signed in for the
 * session.
 */
public abstract class FormSignIn implements HttpAuthenticationMechanism {

  static final String TARGET = "parvis.signInTarget";

  @Inject IdentityStoreHandler identities;

  /** The sign-in page, relative to the application's context path ({@code /connexion.xhtml}). */
  protected abstract String signInPage();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    var credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      var result = identities.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      return context.notifyContainerAboutLogin(result);
    }
    if (context.isProtected()) {
      if ("GET".equals(request.getMethod())) {
        request.getSession(true).setAttribute(TARGET, SitePaths.of(request, Set.of()));
      }
      try {
        response.sendRedirect(SitePaths.local(request.getContextPath() + signInPage()));
      } catch (IOException e) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.doNothing();
  }

  /**
   * Ends a sign-in on the page the visitor asked for before being sent to sign in (once, and only a
   * page of this application), else on {@code page}; returns the Faces outcome.
   */
  public static String continueTo(FacesContext faces, String page) {
    var external = faces.getExternalContext();
    var session = external.getSessionMap();
    Object target = session.remove(TARGET);
    String context = external.getRequestContextPath() + "/";
    if (target instanceof String path && path.startsWith(context)) {
      try {
        external.redirect(path);
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return page + "?faces-redirect=true";
  }
}
