package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberConsent;

/**
 * The network's consent ledger: each purpose a member agrees to (or stops agreeing to), with the
 * version of the text they were shown and the time, so that it can be proved later. Membership
 * itself (art. 9 explicit consent) is recorded at sign-up; email notifications and appearing in
 * public rankings are recorded each time the member turns them on or off. Withdrawing is one
 * button, as giving was.
 */
@ApplicationScoped
@Transactional
public class Consents {

  /** Processing of data revealing political opinions: membership of the network. */
  public static final String MEMBERSHIP = "political-opinions";

  public static final String EMAIL_NOTIFICATIONS = "email-notifications";
  public static final String PUBLIC_RANKINGS = "public-rankings";

  /** A setting on by default since sign-up, before the member ever changed it. */
  public static final String DEFAULT_AT_SIGN_UP = "default";

  /** The version of the texts shown beside the switches (bundle keys consent.*). */
  public static final String TEXT_VERSION = "2026-11";

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** A line of the ledger. */
  public record Line(String purpose, String textVersion, Instant givenAt, Instant withdrawnAt) {}

  /**
   * Records that the member now agrees ({@code given}) or no longer agrees to the purpose, in the
   * caller's transaction: a new line when given (unless one is open), the open line closed when
   * withdrawn.
   */
  public void record(long memberId, String purpose, boolean given, Instant now) {
    if (given) {
      long open =
          Rows.number(
              em.createNativeQuery(
                      "SELECT COUNT(*) FROM member_consent WHERE member_id = ? AND purpose = ?"
                          + " AND withdrawn_at IS NULL")
                  .setParameter(1, memberId)
                  .setParameter(2, purpose)
                  .getSingleResult());
      if (open == 0) {
        em.persist(
            new MemberConsent(
                em.getReference(MemberAccount.class, memberId), purpose, TEXT_VERSION, now));
      }
    } else {
      int closed =
          em.createNativeQuery(
                  "UPDATE member_consent SET withdrawn_at = ? WHERE member_id = ? AND purpose = ?"
                      + " AND withdrawn_at IS NULL")
              .setParameter(1, now.atOffset(ZoneOffset.UTC))
              .setParameter(2, memberId)
              .setParameter(3, purpose)
              .executeUpdate();
      if (closed == 0) {
        // On since sign-up by default, never recorded: the ledger says so, and that it ends now.
        var member = em.find(MemberAccount.class, memberId);
        var line = new MemberConsent(member, purpose, DEFAULT_AT_SIGN_UP, member.createdAt());
        line.withdraw(now);
        em.persist(line);
      }
    }
  }

  /** The member's ledger, newest first. */
  public List<Line> ledger(long memberId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT purpose, text_version, given_at, withdrawn_at FROM member_consent"
                    + " WHERE member_id = ? ORDER BY given_at DESC, id DESC LIMIT 200")
            .setParameter(1, memberId)
            .getResultList();
    return rows.stream()
        .map(r -> new Line((String) r[0], (String) r[1], Rows.instant(r[2]), Rows.instant(r[3])))
        .toList();
  }
}
