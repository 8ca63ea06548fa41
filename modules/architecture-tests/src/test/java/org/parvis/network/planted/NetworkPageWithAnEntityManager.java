package org.parvis.network.planted;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Planted violation (test fixture only): a page class with an EntityManager and no unit name. */
public class NetworkPageWithAnEntityManager {

  @PersistenceContext EntityManager defaultUnit;
}
