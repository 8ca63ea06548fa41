package org.parvis.network.member.boundary;

import jakarta.security.enterprise.credential.Credential;

/**
 * A member whose password the member accounts have just checked (with throttling and logging):
 * created only by {@link MemberSignInPage}, never from request data.
 */
record VerifiedMember(String handle) implements Credential {}
