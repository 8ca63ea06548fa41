package org.parvis.network.ranking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.entity.MemberAccount;

/**
 * Badges with levels for what builds the community. A member's badges are a function of the data
 * alone ({@link #levels}): awarding recomputes them, so running it twice, or for everybody after a
 * change of thresholds, gives the same result. Members are marked due by the activity roll-up and
 * by new followers; {@link #awardDue} takes them in batches.
 */
@ApplicationScoped
@Transactional
public class Badges {

  /** Answers given within this time of publication count for {@link Badge#SWIFT}. */
  public static final Duration SWIFT_ANSWER = Duration.ofDays(7);

  /** A badge and the counts that reach its levels 1 to 5. */
  public enum Badge {
    /** Initiatives published. */
    CREATOR(1, 5, 15, 30, 50),
    /** Signatures gathered by the member's initiatives. */
    GATHERER(10, 100, 500, 1_000, 5_000),
    /** Initiatives achieved. */
    ACHIEVER(1, 3, 10, 20, 50),
    /** Replies received from others in debates. */
    DEBATER(1, 5, 15, 30, 50),
    /** Followers. */
    FOLLOWED(1, 5, 15, 30, 50),
    /** Answers obtained from officials on the member's initiatives. */
    HEARD(1, 5, 15, 30, 50),
    /** Officials: initiatives answered. */
    RESPONSIVE(1, 5, 15, 30, 50),
    /** Officials: answers given within a week of publication. */
    SWIFT(1, 5, 15, 30, 50);

    private final int[] thresholds;

    Badge(int... thresholds) {
      this.thresholds = thresholds;
    }

    public List<Integer> thresholds() {
      return Arrays.stream(thresholds).boxed().toList();
    }

    /** The level a count reaches, 0 when none. */
    public int level(long count) {
      int level = 0;
      for (int threshold : thresholds) {
        if (count >= threshold) {
          level++;
        }
      }
      return level;
    }
  }

  @PersistenceContext(unitName = "network")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  /** The counts behind each badge, in one statement. */
  public Map<Badge, Long> counts(long memberId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT"
                        + " (SELECT COUNT(*) FROM initiative i WHERE i.author_id = m.id"
                        + " AND i.status <> 'DRAFT'),"
                        + " (SELECT COALESCE(SUM(i.signature_count), 0) FROM initiative i"
                        + " WHERE i.author_id = m.id),"
                        + " (SELECT COUNT(*) FROM initiative i WHERE i.author_id = m.id"
                        + " AND i.status = 'ACHIEVED'),"
                        + " (SELECT COUNT(*) FROM initiative_comment p JOIN initiative_comment r"
                        + " ON r.parent_id = p.id WHERE p.author_id = m.id"
                        + " AND r.author_id <> m.id),"
                        + " (SELECT COUNT(*) FROM member_follow f WHERE f.target_kind = 'MEMBER'"
                        + " AND f.target_key = CAST(m.id AS VARCHAR(20))),"
                        + " (SELECT COUNT(*) FROM official_answer a JOIN initiative i"
                        + " ON i.id = a.initiative_id WHERE i.author_id = m.id),"
                        + " (SELECT COUNT(*) FROM official_answer a WHERE a.official_id = m.id),"
                        + " (SELECT COUNT(*) FROM official_answer a WHERE a.official_id = m.id"
                        + " AND a.delay_seconds <= ?)"
                        + " FROM member_account m WHERE m.id = ?")
                .setParameter(1, SWIFT_ANSWER.toSeconds())
                .setParameter(2, memberId)
                .getResultStream()
                .findFirst()
                .orElse(new Object[8]);
    var counts = new EnumMap<Badge, Long>(Badge.class);
    for (Badge badge : Badge.values()) {
      Object value = row[badge.ordinal()];
      counts.put(badge, value == null ? 0 : ((Number) value).longValue());
    }
    return counts;
  }

  /** The level of every badge from the data. */
  public Map<Badge, Integer> levels(long memberId) {
    var levels = new EnumMap<Badge, Integer>(Badge.class);
    counts(memberId).forEach((badge, count) -> levels.put(badge, badge.level(count)));
    return levels;
  }

  /**
   * Brings the member's stored badges to what the data says: a level reached is dated the first
   * time it is seen; a level lost (signatures withdrawn, an initiative deleted) goes down.
   */
  @Transactional
  public void award(long memberId) {
    apply(memberId, clock.instant());
  }

  /** Awards the badges of up to {@code batch} members marked due; returns how many. */
  @Transactional
  public int awardDue(int batch) {
    @SuppressWarnings("unchecked")
    List<Number> due =
        em.createNativeQuery(
                "SELECT member_id FROM member_badge_due ORDER BY member_id FETCH FIRST "
                    + Math.max(1, Math.min(batch, 1_000))
                    + " ROWS ONLY FOR UPDATE")
            .getResultList();
    Instant now = clock.instant();
    for (Number member : due) {
      apply(member.longValue(), now);
      em.createNativeQuery("DELETE FROM member_badge_due WHERE member_id = ?")
          .setParameter(1, member.longValue())
          .executeUpdate();
    }
    return due.size();
  }

  /** Marks every member due: after a change of thresholds, the job recomputes everybody. */
  @Transactional
  public int recomputeAll() {
    return em.createNativeQuery(
            "INSERT INTO member_badge_due (member_id) SELECT m.id FROM member_account m"
                + " ON CONFLICT DO NOTHING")
        .executeUpdate();
  }

  private void apply(long memberId, Instant now) {
    var stored = stored(memberId);
    for (var entry : levels(memberId).entrySet()) {
      int level = entry.getValue();
      Integer before = stored.get(entry.getKey());
      if (before != null && before == level) {
        continue;
      }
      if (before != null) {
        em.createNativeQuery("DELETE FROM member_badge WHERE member_id = ? AND badge = ?")
            .setParameter(1, memberId)
            .setParameter(2, entry.getKey().name())
            .executeUpdate();
      }
      if (level > 0) {
        em.createNativeQuery(
                "INSERT INTO member_badge (member_id, badge, level, awarded_at)"
                    + " VALUES (?, ?, ?, ?)")
            .setParameter(1, memberId)
            .setParameter(2, entry.getKey().name())
            .setParameter(3, level)
            .setParameter(4, now.atOffset(ZoneOffset.UTC))
            .executeUpdate();
      }
    }
  }

  private Map<Badge, Integer> stored(long memberId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT badge, level FROM member_badge WHERE member_id = ?")
            .setParameter(1, memberId)
            .getResultList();
    var levels = new EnumMap<Badge, Integer>(Badge.class);
    rows.forEach(r -> levels.put(Badge.valueOf((String) r[0]), ((Number) r[1]).intValue()));
    return levels;
  }

  /** A badge a member holds, as their profile shows it. */
  public record Held(Badge badge, int level, Instant awardedAt) {}

  /** The badges the member holds, highest level first. */
  public List<Held> held(String handle) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT b.badge, b.level, b.awarded_at FROM member_badge b JOIN member_account m"
                    + " ON m.id = b.member_id WHERE m.handle = ? ORDER BY b.level DESC, b.badge")
            .setParameter(1, MemberAccount.normalizeHandle(handle))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Held(
                    Badge.valueOf((String) r[0]), ((Number) r[1]).intValue(), Rows.instant(r[2])))
        .toList();
  }
}
