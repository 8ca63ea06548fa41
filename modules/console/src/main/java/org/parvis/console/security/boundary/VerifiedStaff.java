package org.parvis.console.security.boundary;

import jakarta.security.enterprise.credential.Credential;
import java.util.Set;

/**
 * A staff member whose password campaign-site has just checked (with throttling and logging):
 * created only by {@link SignInPage}, never from request data.
 */
record VerifiedStaff(String username, Set<String> groups) implements Credential {}
