package org.parvis.console.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Turns a {@link VerifiedStaff} into the caller and groups of the console session. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof VerifiedStaff staff) {
      return new CredentialValidationResult(staff.username(), staff.groups());
    }
    return CredentialValidationResult.NOT_VALIDATED_RESULT;
  }
}
