package org.parvis.campaign.planted;

import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Planted violations (test fixture only): a campaign-site class reaching the network's database
 * other than through a field: a setter, a class-level declaration, a JNDI look-up, CDI.current().
 */
@Resource(name = "jdbc/network", type = DataSource.class)
public class CampaignReachesTheNetworkOtherwise {

  DataSource networkDatabase;
  EntityManager networkUnit;

  @Resource(lookup = "jdbc/network")
  void setNetworkDatabase(DataSource database) {
    this.networkDatabase = database;
  }

  @PersistenceContext(unitName = "network")
  void setNetworkUnit(EntityManager unit) {
    this.networkUnit = unit;
  }

  DataSource lookedUp() throws NamingException {
    return InitialContext.doLookup("jdbc/network");
  }

  Object anyBean() {
    return CDI.current().select(Object.class).get();
  }
}
