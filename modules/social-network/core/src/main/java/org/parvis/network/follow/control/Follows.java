package org.parvis.network.follow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.initiative.entity.Initiative;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.territory.control.TerritoryDirectory;

/**
 * What members follow (initiatives, members, territories), from which their personal feed is made
 * ({@code MemberFeed} on the initiatives' side).
 */
@ApplicationScoped
@Transactional
public class Follows {

  @Inject org.parvis.network.ranking.control.Ledger ledger;

  public static final String INITIATIVE = "INITIATIVE";
  public static final String MEMBER = "MEMBER";
  public static final String TERRITORY = "TERRITORY";

  /** A feed reads at most this many follows (the oldest beyond are not shown). */
  static final int MAX_FOLLOWS = 500;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject org.parvis.network.member.control.Members members;

  @Inject TerritoryDirectory territories;

  Clock clock = Clock.systemUTC();

  /** Records a follow in the caller's transaction; following twice changes nothing. */
  public void follow(long memberId, String kind, String key, Instant now) {
    em.createNativeQuery(
            "INSERT INTO member_follow (member_id, target_kind, target_key, followed_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, memberId)
        .setParameter(2, kind)
        .setParameter(3, key)
        .setParameter(4, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * The member follows an initiative (its id), a member (their handle) or a territory (kind and
   * code as in {@code COMMUNE:23096}).
   *
   * @return empty when followed, otherwise the message key of the problem
   */
  @Transactional
  public Optional<String> follow(String handle, String kind, String target) {
    var member = members.confirmed(handle);
    var key = key(kind, target);
    if (member.isEmpty() || key.isEmpty()) {
      return Optional.of("follow.invalid");
    }
    follow(member.get().id(), kind, key.get(), clock.instant());
    if (MEMBER.equals(kind)) {
      ledger.badgesDue(Long.parseLong(key.get()));
    }
    return Optional.empty();
  }

  @Transactional
  public void unfollow(String handle, String kind, String target) {
    var member = members.confirmed(handle);
    var key = key(kind, target);
    if (member.isPresent() && key.isPresent()) {
      em.createNativeQuery(
              "DELETE FROM member_follow WHERE member_id = ? AND target_kind = ?"
                  + " AND target_key = ?")
          .setParameter(1, member.get().id())
          .setParameter(2, kind)
          .setParameter(3, key.get())
          .executeUpdate();
    }
  }

  public boolean follows(String handle, String kind, String target) {
    var key = key(kind, target);
    return handle != null
        && key.isPresent()
        && ((Number)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM member_follow f JOIN member_account m"
                                + " ON m.id = f.member_id WHERE m.handle = ?"
                                + " AND f.target_kind = ? AND f.target_key = ?")
                        .setParameter(1, MemberAccount.normalizeHandle(handle))
                        .setParameter(2, kind)
                        .setParameter(3, key.get())
                        .getSingleResult())
                .longValue()
            > 0;
  }

  /** How many members follow a target (a member's followers, an initiative's followers). */
  public long followers(String kind, String target) {
    var key = key(kind, target);
    return key.isEmpty()
        ? 0
        : ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM member_follow WHERE target_kind = ?"
                            + " AND target_key = ?")
                    .setParameter(1, kind)
                    .setParameter(2, key.get())
                    .getSingleResult())
            .longValue();
  }

  /**
   * Something the member follows, as their list shows it: {@code target} is what {@link #unfollow}
   * takes (an initiative's id, a member's handle, a territory's key).
   */
  public record Followed(String kind, String target, String label) {}

  /** What the member follows, newest first (at most 100): three statements whatever the count. */
  public List<Followed> list(String handle) {
    var member = members.confirmed(handle);
    if (member.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT target_kind, target_key FROM member_follow WHERE member_id = ?"
                    + " ORDER BY followed_at DESC"
                    + Rows.page(0, 100))
            .setParameter(1, member.get().id())
            .getResultList();
    var initiativeIds = new ArrayList<Long>(List.of(-1L));
    var memberIds = new ArrayList<Long>(List.of(-1L));
    for (Object[] row : rows) {
      if (INITIATIVE.equals(row[0])) {
        initiativeIds.add(Long.parseLong((String) row[1]));
      } else if (MEMBER.equals(row[0])) {
        memberIds.add(Long.parseLong((String) row[1]));
      }
    }
    var titles = new java.util.HashMap<String, String>();
    em.createQuery("SELECT i.id, i.title FROM Initiative i WHERE i.id IN :ids", Object[].class)
        .setParameter("ids", initiativeIds)
        .getResultStream()
        .forEach(r -> titles.put(r[0].toString(), (String) r[1]));
    var people = new java.util.HashMap<String, Object[]>();
    em.createQuery(
            "SELECT m.id, m.handle, m.displayName FROM MemberAccount m WHERE m.id IN :ids",
            Object[].class)
        .setParameter("ids", memberIds)
        .getResultStream()
        .forEach(r -> people.put(r[0].toString(), r));
    var followed = new ArrayList<Followed>();
    for (Object[] row : rows) {
      String key = (String) row[1];
      switch ((String) row[0]) {
        case INITIATIVE -> {
          if (titles.containsKey(key)) {
            followed.add(new Followed(INITIATIVE, key, titles.get(key)));
          }
        }
        case MEMBER -> {
          if (people.containsKey(key)) {
            Object[] p = people.get(key);
            followed.add(new Followed(MEMBER, (String) p[1], p[2] + " (@" + p[1] + ")"));
          }
        }
        default -> {
          // Territories are few: their names come from the cached reference data.
          String[] parts = key.split(":", 2);
          territories
              .resolve(parts[0], parts.length > 1 ? parts[1] : null)
              .ifPresent(t -> followed.add(new Followed(TERRITORY, key, t.name())));
        }
      }
    }
    return followed;
  }

  /** The stored key of a target, checked: empty when the target does not exist. */
  private Optional<String> key(String kind, String target) {
    if (target == null || kind == null) {
      return Optional.empty();
    }
    return switch (kind) {
      case INITIATIVE -> {
        try {
          var i = em.find(Initiative.class, Long.parseLong(target.strip()));
          yield i != null && i.isPublic() ? Optional.of(i.id().toString()) : Optional.empty();
        } catch (NumberFormatException e) {
          yield Optional.empty();
        }
      }
      case MEMBER -> members.confirmed(target).map(m -> m.id().toString());
      case TERRITORY -> {
        String[] parts = target.strip().toUpperCase(Locale.ROOT).split(":", 2);
        yield territories
            .resolve(parts[0], parts.length > 1 ? parts[1] : null)
            .map(t -> t.followKey());
      }
      default -> Optional.empty();
    };
  }

  /**
   * What a member follows, as their feed selects initiatives: their own commune first among the
   * communes; each list holds a value that matches nothing, so that none is empty in SQL.
   */
  public record Targets(
      List<Long> initiatives,
      List<Long> authors,
      List<String> communes,
      List<String> departements,
      List<String> regions,
      boolean national) {}

  /**
   * What the confirmed member with this handle follows (their latest {@value #MAX_FOLLOWS}
   * follows), and their commune; empty for no such member. One statement besides the member.
   */
  public Optional<Targets> targets(String handle) {
    var member = members.confirmed(handle);
    if (member.isEmpty()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> follows =
        em.createNativeQuery(
                "SELECT target_kind, target_key FROM member_follow WHERE member_id = ?"
                    + " ORDER BY followed_at DESC"
                    + Rows.page(0, MAX_FOLLOWS))
            .setParameter(1, member.get().id())
            .getResultList();
    var initiatives = new ArrayList<Long>(List.of(-1L));
    var authors = new ArrayList<Long>(List.of(-1L));
    var communes = new ArrayList<String>(List.of(member.get().commune().code()));
    var departements = new ArrayList<String>(List.of("-"));
    var regions = new ArrayList<String>(List.of("-"));
    boolean national = false;
    for (Object[] f : follows) {
      String key = (String) f[1];
      switch ((String) f[0]) {
        case INITIATIVE -> initiatives.add(Long.parseLong(key));
        case MEMBER -> authors.add(Long.parseLong(key));
        default -> {
          String[] parts = key.split(":", 2);
          switch (parts[0]) {
            case "COMMUNE" -> communes.add(parts[1]);
            case "DEPARTEMENT" -> departements.add(parts[1]);
            case "REGION" -> regions.add(parts[1]);
            default -> national = true;
          }
        }
      }
    }
    return Optional.of(
        new Targets(initiatives, authors, communes, departements, regions, national));
  }
}
