package org.parvis.network.api;

import org.parvis.kernel.api.mail.Outbox;

/** The network side's outgoing mail, as the console watches it. */
public interface NetworkMail extends Outbox {}
