package org.parvis.network.member.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Turns a {@link VerifiedMember} into the caller (their handle) of the network session. */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof VerifiedMember member) {
      return new CredentialValidationResult(member.handle(), Set.of(NetworkSecurity.MEMBER));
    }
    return CredentialValidationResult.NOT_VALIDATED_RESULT;
  }
}
