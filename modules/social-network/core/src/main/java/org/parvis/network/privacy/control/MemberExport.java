package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.sql.control.NamedRows;
import org.parvis.network.api.PersonalDataSection;

/**
 * Everything the network database holds about a member, by category, for their download: their
 * account, consents, security log, sessions, devices, contributions (initiatives with their
 * history, comments, answers), signatures, joins, follows, notifications, badges, mandates, and
 * what other modules keep ({@link PersonalDataSection}).
 */
@ApplicationScoped
public class MemberExport {

  /**
   * The table each category is read from: a test checks that every table of the register holding a
   * member's personal data is exported.
   */
  public static final Map<String, String> SOURCES =
      Map.ofEntries(
          Map.entry("account", "member_account"),
          Map.entry("consents", "member_consent"),
          Map.entry("securityLog", "member_security_event"),
          Map.entry("sessions", "member_session"),
          Map.entry("devices", "member_device"),
          Map.entry("initiatives", "initiative"),
          Map.entry("initiativeRevisions", "initiative_revision"),
          Map.entry("comments", "initiative_comment"),
          Map.entry("officialAnswers", "official_answer"),
          Map.entry("signatures", "initiative_signature"),
          Map.entry("joins", "initiative_participant"),
          Map.entry("follows", "member_follow"),
          Map.entry("notifications", "member_notification"),
          Map.entry("badges", "member_badge"),
          Map.entry("mandates", "official_mandate"),
          Map.entry("mails", "mail_outbox"),
          Map.entry("requestsToTheDpo", "privacy_request"));

  /** The categories the export always has (other modules add theirs). */
  public static final List<String> CATEGORIES =
      List.of(
          "account",
          "consents",
          "securityLog",
          "sessions",
          "devices",
          "initiatives",
          "initiativeRevisions",
          "comments",
          "officialAnswers",
          "signatures",
          "joins",
          "follows",
          "notifications",
          "badges",
          "mandates",
          "mails",
          "requestsToTheDpo");

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Instance<PersonalDataSection> sections;

  public Map<String, List<Map<String, Object>>> export(long memberId) {
    var data = new LinkedHashMap<String, List<Map<String, Object>>>();
    data.put(
        "account",
        NamedRows.maps(
            em,
            "SELECT handle, display_name, email, commune_code, language, created_at,"
                + " email_confirmed_at, last_sign_in_at, notification_frequency,"
                + " hidden_from_rankings_at FROM member_account WHERE id = ?",
            memberId));
    data.put(
        "consents",
        NamedRows.maps(
            em,
            "SELECT purpose, text_version, given_at, withdrawn_at FROM member_consent"
                + " WHERE member_id = ? ORDER BY given_at",
            memberId));
    data.put(
        "securityLog",
        NamedRows.maps(
            em,
            "SELECT occurred_at, kind, remote_address, detail FROM member_security_event"
                + " WHERE member_id = ? ORDER BY occurred_at",
            memberId));
    data.put(
        "sessions",
        NamedRows.maps(
            em,
            "SELECT started_at, last_seen_at, remote_address, browser, ended_at FROM member_session"
                + " WHERE member_id = ? ORDER BY started_at",
            memberId));
    data.put(
        "devices",
        NamedRows.maps(
            em,
            "SELECT first_seen_at, last_seen_at, browser FROM member_device WHERE member_id = ?"
                + " ORDER BY first_seen_at",
            memberId));
    data.put(
        "initiatives",
        NamedRows.maps(
            em,
            "SELECT id, title, description, status, created_at FROM initiative"
                + " WHERE author_id = ? ORDER BY id",
            memberId));
    data.put(
        "initiativeRevisions",
        NamedRows.maps(
            em,
            "SELECT r.initiative_id, r.title, r.description FROM initiative_revision r"
                + " JOIN initiative i ON i.id = r.initiative_id WHERE i.author_id = ?"
                + " ORDER BY r.initiative_id",
            memberId));
    data.put(
        "comments",
        NamedRows.maps(
            em,
            "SELECT id, initiative_id, stance, body, created_at FROM initiative_comment"
                + " WHERE author_id = ? ORDER BY id",
            memberId));
    data.put(
        "officialAnswers",
        NamedRows.maps(
            em,
            "SELECT id, initiative_id, mandate_title, body FROM official_answer"
                + " WHERE official_id = ? ORDER BY id",
            memberId));
    data.put(
        "signatures",
        NamedRows.maps(
            em,
            "SELECT initiative_id, signed_at FROM initiative_signature WHERE member_id = ?"
                + " ORDER BY signed_at",
            memberId));
    data.put(
        "joins",
        NamedRows.maps(
            em,
            "SELECT initiative_id, joined_at FROM initiative_participant WHERE member_id = ?"
                + " ORDER BY joined_at",
            memberId));
    data.put(
        "follows",
        NamedRows.maps(
            em,
            "SELECT target_kind, target_key, followed_at FROM member_follow WHERE member_id = ?"
                + " ORDER BY followed_at",
            memberId));
    data.put(
        "notifications",
        NamedRows.maps(
            em,
            "SELECT kind, initiative_id, statement, created_at, read_at FROM member_notification"
                + " WHERE member_id = ? ORDER BY created_at",
            memberId));
    data.put(
        "badges",
        NamedRows.maps(
            em, "SELECT badge, level, awarded_at FROM member_badge WHERE member_id = ?", memberId));
    data.put(
        "mandates",
        NamedRows.maps(
            em,
            "SELECT title, territory_name, ends_on, granted_at, revoked_at FROM official_mandate"
                + " WHERE member_id = ?",
            memberId));
    data.put(
        "mails",
        NamedRows.maps(
            em,
            "SELECT o.subject, o.created_at, o.sent_at FROM mail_outbox o JOIN member_account m"
                + " ON m.email = o.recipient WHERE m.id = ? ORDER BY o.created_at",
            memberId));
    // Requests about the member received by the DPO by letter, mail or phone (art. 15 covers them).
    data.put(
        "requestsToTheDpo",
        NamedRows.maps(
            em,
            "SELECT r.kind, r.channel, r.received_on, r.due_on, r.status, r.action_taken,"
                + " r.proof_sent, r.closed_at FROM privacy_request r JOIN member_account m"
                + " ON m.handle = r.subject WHERE m.id = ? ORDER BY r.received_on",
            memberId));
    for (var section : sections) {
      data.putAll(section.of(memberId));
    }
    return data;
  }
}
