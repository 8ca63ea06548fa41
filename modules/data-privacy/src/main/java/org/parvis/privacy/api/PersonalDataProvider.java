package org.parvis.privacy.api;

/**
 * What each module that stores personal data provides to data-privacy, as a CDI bean, for its own
 * database only. data-privacy never reads a module's tables: it goes through these providers.
 *
 * <p>The operations (export, erasure, retention) are added with the privacy centre; this first
 * contract fixes where a provider's data lives.
 */
public interface PersonalDataProvider {

  /** The side, hence the only database, this provider touches. */
  DataSide side();

  /** The module that owns the data, e.g. "campaign-site". */
  String module();
}
