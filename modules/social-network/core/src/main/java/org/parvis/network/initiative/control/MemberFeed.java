package org.parvis.network.initiative.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.parvis.network.follow.control.Follows;
import org.parvis.network.initiative.entity.Initiative;

/**
 * A member's personal feed: the initiatives they follow, those of the members they follow, those of
 * the territories they follow and of their own commune, most recently active first.
 */
@ApplicationScoped
@Transactional
public class MemberFeed {

  /** The furthest page a feed shows. */
  static final int LAST_PAGE = 500;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Follows follows;

  /**
   * The member's feed, a page at a time (page numbers start at 0): three statements, the member,
   * their follows, then the initiatives.
   */
  public Initiatives.Page page(String handle, int pageNumber) {
    int page = Math.max(0, Math.min(pageNumber, LAST_PAGE));
    var followed = follows.targets(handle);
    if (followed.isEmpty()) {
      return new Initiatives.Page(List.of(), page, false);
    }
    var targets = followed.get();
    var rows =
        em.createQuery(
                "SELECT i FROM Initiative i JOIN FETCH i.author WHERE i.status <>"
                    + " org.parvis.network.initiative.entity.Initiative.Status.DRAFT AND"
                    + " (i.id IN :initiatives OR i.author.id IN :authors"
                    + " OR i.communeCode IN :communes OR i.departementCode IN :departements"
                    + " OR i.regionCode IN :regions OR (:national = TRUE AND i.scopeKind ="
                    + " 'NATIONAL')) ORDER BY i.lastActivityAt DESC, i.id DESC",
                Initiative.class)
            .setParameter("initiatives", targets.initiatives())
            .setParameter("authors", targets.authors())
            .setParameter("communes", targets.communes())
            .setParameter("departements", targets.departements())
            .setParameter("regions", targets.regions())
            .setParameter("national", targets.national())
            .setFirstResult(page * Initiatives.PAGE_SIZE)
            .setMaxResults(Initiatives.PAGE_SIZE + 1)
            .getResultList();
    return new Initiatives.Page(
        rows.stream()
            .limit(Initiatives.PAGE_SIZE)
            .map(i -> Initiatives.summary(i, i.author()))
            .toList(),
        page,
        rows.size() > Initiatives.PAGE_SIZE);
  }
}
