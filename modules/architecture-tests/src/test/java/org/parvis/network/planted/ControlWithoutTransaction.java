package org.parvis.network.planted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Planted violation: a control class with an entity manager and no transaction by default. */
@ApplicationScoped
public class ControlWithoutTransaction {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** Would read outside any transaction when a page calls it. */
  public long count() {
    return em.createQuery("SELECT COUNT(m) FROM MemberAccount m", Long.class).getSingleResult();
  }
}
