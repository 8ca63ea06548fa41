package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.PasswordHash;
import org.parvis.network.api.MemberErased;
import org.parvis.network.member.entity.MemberAccount;

/**
 * Erases a member at their request, in one transaction on the network database. The account row
 * stays as an anonymous tombstone shown as "Participant supprimé" (so signatures stay counted and
 * kept contributions keep an author), with no email, name, handle, password or address left;
 * everything else that is about the person goes: sessions, devices, security log (with its IP
 * addresses), links, follows of them and by them, notifications, badges, mandates, mails to them.
 * Their contributions are kept under the tombstone or deleted, as they choose: a deleted comment
 * that another answers or quotes keeps its place, emptied; deleted initiatives are withdrawn and
 * emptied (text, history, image, search words), so that the signatures others gave stay counted.
 * Other modules (moderation) erase theirs on {@link MemberErased}.
 */
@ApplicationScoped
@Transactional
public class AccountErasure {

  /** What happens to the member's initiatives, comments and answers. */
  public enum Contributions {
    KEEP,
    DELETE
  }

  /** How an erased member is shown wherever their kept contributions are. */
  public static final String TOMBSTONE_NAME = "Participant supprimé";

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Event<MemberErased> erased;

  Clock clock = Clock.systemUTC();

  /**
   * Erases the member with this handle if the password is theirs. Returns the message key of the
   * problem, if any.
   */
  @Transactional
  public Optional<String> erase(String handle, char[] password, Contributions contributions) {
    List<MemberAccount> found =
        em.createNamedQuery(MemberAccount.BY_HANDLE, MemberAccount.class)
            .setParameter("handle", MemberAccount.normalizeHandle(handle))
            .getResultList();
    if (found.isEmpty()
        || password == null
        || !PasswordHash.verify(password, found.get(0).passwordHash())) {
      return Optional.of("erasure.password.invalid");
    }
    if (contributions == null) {
      return Optional.of("erasure.choice.required");
    }
    erase(found.get(0), contributions, clock.instant());
    return Optional.empty();
  }

  /**
   * Erases the member whose account this is, without asking for the password: retention does it to
   * accounts left inactive past their period, after warning them.
   */
  @Transactional
  void erase(long memberId, Contributions contributions, Instant now) {
    // The row is locked first: two erasures of the same account (two servers) run one after the
    // other, and the second finds it erased.
    var member = em.find(MemberAccount.class, memberId, LockModeType.PESSIMISTIC_WRITE);
    if (member != null && member.erasedAt() == null) {
      erase(member, contributions, now);
    }
  }

  private void erase(MemberAccount member, Contributions contributions, Instant now) {
    org.parvis.network.pages.control.PublicChanges.changed(); // pages showing them go at once
    long id = member.id();
    String email = member.email();
    String oldHandle = member.handle();
    if (contributions == Contributions.DELETE) {
      deleteContributions(id);
    }
    for (String sql :
        List.of(
            "DELETE FROM member_session WHERE member_id = ?",
            "DELETE FROM member_device WHERE member_id = ?",
            "DELETE FROM member_security_event WHERE member_id = ?",
            "DELETE FROM member_email_token WHERE member_id = ?",
            "DELETE FROM member_notification WHERE member_id = ?",
            "DELETE FROM member_archive WHERE member_id = ?",
            "DELETE FROM member_follow WHERE member_id = ?",
            "DELETE FROM member_badge WHERE member_id = ?",
            "DELETE FROM member_badge_due WHERE member_id = ?",
            "DELETE FROM account_freeze WHERE member_id = ?",
            "DELETE FROM official_mandate WHERE member_id = ?")) {
      em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
    // The handle stays taken for a year (a digest only, tied to nothing): old mentions and shared
    // links must not come to point to someone else.
    em.createNativeQuery(
            "INSERT INTO retired_handle (handle_digest, retired_at) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, MemberAccount.handleDigest(oldHandle))
        .setParameter(2, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM member_follow WHERE target_kind = 'MEMBER' AND target_key = ?")
        .setParameter(1, oldHandle)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM mail_outbox WHERE recipient = ?")
        .setParameter(1, email)
        .executeUpdate();
    // The tombstone: random, unusable identifiers; no password anyone knows; out of rankings,
    // notifications and sign-in for good.
    String tag = OneTimeCodes.of(OneTimeCodes.LOWER, 10);
    var day = now.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
    // Requests to the DPO about them stay (the DPO must be able to show they were answered), but
    // name the tombstone from now on, not the handle.
    em.createNativeQuery("UPDATE privacy_request SET subject = ? WHERE LOWER(subject) IN (?, ?)")
        .setParameter(1, "supprime-" + tag)
        .setParameter(2, oldHandle)
        .setParameter(3, "@" + oldHandle)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE member_account SET handle = ?, display_name = ?, email = ?, password_hash = ?,"
                + " totp_secret = NULL, recovery_codes = NULL, notification_frequency = 'NONE',"
                + " hidden_from_rankings_at = ?, suspended_until = ?, erased_at = ?,"
                // No place and no date finer than the erasure's day: nothing for a neighbour to
                // recognise (the confirmation date stays, coarsened, so that the job deleting
                // unconfirmed accounts never takes a tombstone for one).
                + " commune_code = NULL, created_at = ?, email_confirmed_at = ?,"
                + " last_sign_in_at = NULL, last_second_factor_at = NULL, last_published_at = NULL,"
                + " woke_at = NULL, inactivity_notice_at = NULL, inactivity_notice_days = NULL,"
                + " grammatical_gender = NULL"
                + " WHERE id = ?")
        .setParameter(1, "supprime-" + tag)
        .setParameter(2, TOMBSTONE_NAME)
        .setParameter(3, tag + "@supprime.invalid")
        .setParameter(4, PasswordHash.hash(OneTimeCodes.randomKey().toCharArray()))
        .setParameter(5, now.atOffset(ZoneOffset.UTC))
        .setParameter(6, MemberAccount.BANNED.atOffset(ZoneOffset.UTC))
        .setParameter(7, now.atOffset(ZoneOffset.UTC))
        .setParameter(8, day)
        .setParameter(9, day)
        .setParameter(10, id)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE member_consent SET withdrawn_at = ? WHERE member_id = ? AND withdrawn_at IS NULL")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, id)
        .executeUpdate();
    erased.fire(new MemberErased(id, contributions == Contributions.DELETE, now));
    em.clear();
  }

  private void deleteContributions(long id) {
    @SuppressWarnings("unchecked")
    List<Number> debated =
        em.createNativeQuery(
                "SELECT DISTINCT initiative_id FROM initiative_comment WHERE author_id = ?")
            .setParameter(1, id)
            .getResultList();
    // Comments: those no other comment answers or quotes go; the others stay, emptied.
    em.createNativeQuery(
            "UPDATE initiative_comment SET body = '' WHERE author_id = ? AND EXISTS (SELECT 1"
                + " FROM initiative_comment r WHERE r.parent_id = initiative_comment.id"
                + " OR r.quoted_id = initiative_comment.id)")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM initiative_comment WHERE author_id = ? AND body <> ''")
        .setParameter(1, id)
        .executeUpdate();
    for (Number initiative : debated) {
      em.createNativeQuery(
              "UPDATE initiative SET comment_count = (SELECT COUNT(*) FROM initiative_comment c"
                  + " WHERE c.initiative_id = ?) WHERE id = ?")
          .setParameter(1, initiative.longValue())
          .setParameter(2, initiative.longValue())
          .executeUpdate();
    }
    em.createNativeQuery("UPDATE official_answer SET body = '' WHERE official_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    // Initiatives: emptied and withdrawn if others took part, so that their acts stay counted.
    em.createNativeQuery(
            "DELETE FROM initiative_revision WHERE initiative_id IN"
                + " (SELECT id FROM initiative WHERE author_id = ?)")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM initiative_word WHERE initiative_id IN"
                + " (SELECT id FROM initiative WHERE author_id = ?)")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE initiative SET title = ?, description = '', status = CASE WHEN status IN"
                + " ('DRAFT', 'PUBLISHED') THEN 'WITHDRAWN' ELSE status END WHERE author_id = ?")
        .setParameter(1, "Initiative retirée")
        .setParameter(2, id)
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM initiative_image WHERE initiative_id IN"
                + " (SELECT id FROM initiative WHERE author_id = ?)")
        .setParameter(1, id)
        .executeUpdate();
  }
}
