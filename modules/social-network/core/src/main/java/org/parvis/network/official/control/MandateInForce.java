package org.parvis.network.official.control;

/**
 * A mandate was granted or renewed, fired in the staff member's transaction so that whatever hangs
 * on officials (the routing of open initiatives to them) is done in the same one.
 *
 * @param mandateId the mandate now in force
 */
public record MandateInForce(long mandateId) {}
