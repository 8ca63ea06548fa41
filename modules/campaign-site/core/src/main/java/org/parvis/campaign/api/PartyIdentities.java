package org.parvis.campaign.api;

import org.parvis.kernel.api.style.IdentityStorage;

/** The party's identity in the brand database: the original the console edits. */
public interface PartyIdentities extends IdentityStorage {}
