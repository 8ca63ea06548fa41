package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parvis.kernel.api.sql.control.NamedRows;
import org.parvis.network.api.PersonalDataSection;

/**
 * Everything the network database holds about a member, by category, for their download: their
 * account, consents, security log, sessions, devices, contributions (initiatives with their
 * history, comments, answers), signatures, joins, follows, notifications, badges, mandates, the
 * initiatives sent to them as an official, their points by day, freezes of their account, mails,
 * requests to the DPO about them, archives, and what other modules keep ({@link
 * PersonalDataSection}). A test seeds a member in every table the register says may hold their data
 * and checks, by reading the database, that each of their rows is in the export.
 */
@ApplicationScoped
// Reads too run in a transaction: outside one, this server closes the entity manager between
// calls made on the same thread after a transactional one.
@Transactional
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
          Map.entry("initiativesSentToYou", "initiative_routing"),
          Map.entry("pointsByDay", "member_points_daily"),
          Map.entry("freezes", "account_freeze"),
          Map.entry("mails", "mail_outbox"),
          Map.entry("requestsToTheDpo", "privacy_request"),
          Map.entry("archives", "member_archive"));

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Instance<PersonalDataSection> sections;

  /** The network's own categories and the query that reads each, in the export's order. */
  private static final List<Map.Entry<String, String>> QUERIES =
      List.of(
          Map.entry(
              "account",
              "SELECT handle, display_name, email, commune_code, language, created_at,"
                  + " email_confirmed_at, last_sign_in_at, notification_frequency,"
                  + " hidden_from_rankings_at, grammatical_gender FROM member_account WHERE id = ?"),
          Map.entry(
              "consents",
              "SELECT purpose, text_version, given_at, withdrawn_at FROM member_consent"
                  + " WHERE member_id = ? ORDER BY given_at"),
          Map.entry(
              "securityLog",
              "SELECT occurred_at, kind, remote_address, detail FROM member_security_event"
                  + " WHERE member_id = ? ORDER BY occurred_at"),
          Map.entry(
              "sessions",
              "SELECT started_at, last_seen_at, remote_address, browser, ended_at FROM member_session"
                  + " WHERE member_id = ? ORDER BY started_at"),
          Map.entry(
              "devices",
              "SELECT first_seen_at, last_seen_at, browser FROM member_device WHERE member_id = ?"
                  + " ORDER BY first_seen_at"),
          Map.entry(
              "initiatives",
              "SELECT id, title, description, status, created_at FROM initiative"
                  + " WHERE author_id = ? ORDER BY id"),
          Map.entry(
              "initiativeRevisions",
              "SELECT r.initiative_id, r.title, r.description FROM initiative_revision r"
                  + " JOIN initiative i ON i.id = r.initiative_id WHERE i.author_id = ?"
                  + " ORDER BY r.initiative_id"),
          Map.entry(
              "comments",
              "SELECT id, initiative_id, stance, body, created_at FROM initiative_comment"
                  + " WHERE author_id = ? ORDER BY id"),
          Map.entry(
              "officialAnswers",
              "SELECT id, initiative_id, mandate_title, body FROM official_answer"
                  + " WHERE official_id = ? ORDER BY id"),
          Map.entry(
              "signatures",
              "SELECT initiative_id, signed_at FROM initiative_signature WHERE member_id = ?"
                  + " ORDER BY signed_at"),
          Map.entry(
              "joins",
              "SELECT initiative_id, joined_at FROM initiative_participant WHERE member_id = ?"
                  + " ORDER BY joined_at"),
          Map.entry(
              "follows",
              "SELECT target_kind, target_key, followed_at FROM member_follow WHERE member_id = ?"
                  + " ORDER BY followed_at"),
          Map.entry(
              "notifications",
              "SELECT kind, initiative_id, statement, created_at, read_at FROM member_notification"
                  + " WHERE member_id = ? ORDER BY created_at"),
          Map.entry(
              "badges", "SELECT badge, level, awarded_at FROM member_badge WHERE member_id = ?"),
          Map.entry(
              "mandates",
              "SELECT title, territory_name, ends_on, granted_at, revoked_at FROM official_mandate"
                  + " WHERE member_id = ?"),
          Map.entry(
              "initiativesSentToYou",
              "SELECT initiative_id, routed_at, answered_at FROM initiative_routing"
                  + " WHERE official_id = ? ORDER BY routed_at"),
          Map.entry(
              "pointsByDay",
              "SELECT on_day, points FROM member_points_daily WHERE member_id = ? ORDER BY on_day"),
          Map.entry(
              "freezes",
              "SELECT frozen_at, reason, reviewed_at, lifted FROM account_freeze"
                  + " WHERE member_id = ? ORDER BY frozen_at"),
          Map.entry(
              "mails",
              "SELECT o.subject, o.created_at, o.sent_at FROM mail_outbox o JOIN member_account m"
                  + " ON m.email = o.recipient WHERE m.id = ? ORDER BY o.created_at"),
          Map.entry(
              "requestsToTheDpo",
              "SELECT r.kind, r.channel, r.received_on, r.due_on, r.status, r.action_taken,"
                  + " r.proof_sent, r.closed_at FROM privacy_request r JOIN member_account m"
                  + " ON m.handle = r.subject WHERE m.id = ? ORDER BY r.received_on"),
          Map.entry(
              "archives",
              "SELECT status, requested_at, ready_at, expires_at, size_bytes FROM member_archive"
                  + " WHERE member_id = ? ORDER BY requested_at"));

  /** The categories the export always has (other modules add theirs). */
  public static final List<String> CATEGORIES = QUERIES.stream().map(Map.Entry::getKey).toList();

  /** All the member's data at once (the archive job goes step by step with {@link #steps}). */
  public Map<String, List<Map<String, Object>>> export(long memberId) {
    var data = new LinkedHashMap<String, List<Map<String, Object>>>();
    for (int step = 0; step < steps(); step++) {
      data.putAll(step(step, memberId));
    }
    return data;
  }

  /** How many steps an export takes: the network's categories, then each other module's. */
  public int steps() {
    return QUERIES.size() + (int) sections.stream().count();
  }

  /** The categories read by one step. */
  public Map<String, List<Map<String, Object>>> step(int step, long memberId) {
    if (step < QUERIES.size()) {
      var query = QUERIES.get(step);
      return Map.of(query.getKey(), NamedRows.maps(em, query.getValue(), memberId));
    }
    return sections.stream()
        .sorted(Comparator.comparing(section -> section.getClass().getName()))
        .skip(step - QUERIES.size())
        .findFirst()
        .map(section -> section.of(memberId))
        .orElse(Map.of());
  }
}
