package org.parvis.network.api;

import org.parvis.kernel.api.style.IdentityStorage;

/** The network's copy of the party's identity, in the network database. */
public interface NetworkIdentities extends IdentityStorage {}
