package org.parvis.campaign.planted;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;
import org.parvis.network.territory.control.TerritoryDirectory;

/** Planted violation (test fixture only): a campaign-site class reaching the network side. */
public class CampaignUsesTheNetwork {

  @PersistenceContext(unitName = "network")
  EntityManager networkUnit;

  @Resource(lookup = "jdbc/network")
  DataSource networkDatabase;

  TerritoryDirectory networkInternals;
}
