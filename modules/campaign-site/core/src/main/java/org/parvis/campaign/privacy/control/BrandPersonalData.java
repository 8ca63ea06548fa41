package org.parvis.campaign.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parvis.campaign.mail.control.BrandMailer;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.sql.control.NamedRows;

/**
 * What the brand site holds about an email address (newsletter subscription, event registrations,
 * contact and volunteer messages, consents, mails), shown, exported and erased for the person
 * through a link mailed to that address: no account needed, and nobody learns anything about an
 * address they cannot read.
 */
@ApplicationScoped
@Transactional
public class BrandPersonalData {

  static final Duration LINK_LIFE = Duration.ofHours(24);
  static final int LINKS_PER_DAY = 3;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject BrandMailer mailer;

  /**
   * Mails a link to the address (whether or not the site knows it: the page says the same either
   * way). Returns the problem's message key, if any.
   */
  @Transactional
  public Optional<String> requestLink(String email, String language, Instant now) {
    String address = EmailAddress.normalize(email);
    if (!EmailAddress.valid(address)) {
      return Optional.of("privacy.email.invalid");
    }
    long recent =
        Rows.number(
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM brand_privacy_link WHERE email = ? AND created_at > ?")
                .setParameter(1, address)
                .setParameter(2, Rows.utc(now.minus(Duration.ofDays(1))))
                .getSingleResult());
    if (recent >= LINKS_PER_DAY) {
      // Quietly: the page must not tell a stranger anything either.
      return Optional.empty();
    }
    String token = OneTimeCodes.randomKey();
    em.createNativeQuery(
            "INSERT INTO brand_privacy_link (token_hash, email, expires_at, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, RecoveryCodes.sha256(token))
        .setParameter(2, address)
        .setParameter(3, Rows.utc(now.plus(LINK_LIFE)))
        .setParameter(4, Rows.utc(now))
        .executeUpdate();
    mailer.send(
        address,
        "org.parvis.campaign.privacy.control.mails",
        language,
        "link",
        mailer.link("/donnees/acces.xhtml?jeton=" + token),
        null,
        now);
    return Optional.empty();
  }

  /** The address a link gives access to, while it is valid. */
  public Optional<String> holder(String token, Instant now) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<String> emails =
        em.createNativeQuery(
                "SELECT email FROM brand_privacy_link WHERE token_hash = ? AND expires_at > ?")
            .setParameter(1, RecoveryCodes.sha256(token))
            .setParameter(2, Rows.utc(now))
            .getResultList();
    return emails.stream().findFirst();
  }

  /**
   * Everything held about the address, by category (the categories of the processing register for
   * the brand side): machine-readable, in the order a person reads it.
   */
  public Map<String, List<Map<String, Object>>> export(String email) {
    var data = new LinkedHashMap<String, List<Map<String, Object>>>();
    data.put(
        "newsletter",
        rows(
            "SELECT email, status, themes, language, subscribed_at, confirmed_at, unsubscribed_at"
                + " FROM newsletter_subscriber WHERE email = ?",
            email));
    data.put(
        "newsletterCampaignsReceived",
        rows(
            "SELECT c.subject, d.queued_at FROM newsletter_delivery d JOIN newsletter_campaign c"
                + " ON c.id = d.campaign_id JOIN newsletter_subscriber s ON s.id = d.subscriber_id"
                + " WHERE s.email = ? ORDER BY d.queued_at",
            email));
    data.put(
        "eventRegistrations",
        rows(
            "SELECT e.title, e.starts_at, r.name, r.email, r.registered_at FROM agenda_registration r"
                + " JOIN agenda_event e ON e.id = r.event_id WHERE r.email = ? ORDER BY r.registered_at",
            email));
    data.put(
        "messages",
        rows(
            "SELECT kind, name, email, commune, message, received_at FROM contact_message"
                + " WHERE email = ? ORDER BY received_at",
            email));
    data.put(
        "consents",
        rows(
            "SELECT c.purpose, c.text_version, c.method, c.given_at, c.withdrawn_at"
                + " FROM brand_consent c WHERE (c.subject_kind = 'SUBSCRIBER' AND c.subject_id IN"
                + " (SELECT id FROM newsletter_subscriber WHERE email = ?))"
                + " OR (c.subject_kind = 'REGISTRANT' AND c.subject_id IN"
                + " (SELECT id FROM agenda_registration WHERE email = ?))"
                + " OR (c.subject_kind = 'CONTACT' AND c.subject_id IN"
                + " (SELECT id FROM contact_message WHERE email = ?)) ORDER BY c.given_at",
            email,
            email,
            email));
    data.put(
        "mails",
        rows(
            "SELECT subject, created_at, sent_at FROM mail_outbox WHERE recipient = ?"
                + " ORDER BY created_at",
            email));
    data.put(
        "requestsToTheDpo",
        rows(
            "SELECT kind, channel, received_on, due_on, status, action_taken, proof_sent,"
                + " closed_at FROM privacy_request WHERE LOWER(subject) = ? ORDER BY received_on",
            email));
    return data;
  }

  /** Erases everything held about the address, at once and for good. */
  @Transactional
  public void erase(String email) {
    for (String sql :
        List.of(
            "DELETE FROM brand_consent WHERE subject_kind = 'SUBSCRIBER' AND subject_id IN"
                + " (SELECT id FROM newsletter_subscriber WHERE email = ?)",
            "DELETE FROM brand_consent WHERE subject_kind = 'REGISTRANT' AND subject_id IN"
                + " (SELECT id FROM agenda_registration WHERE email = ?)",
            "DELETE FROM brand_consent WHERE subject_kind = 'CONTACT' AND subject_id IN"
                + " (SELECT id FROM contact_message WHERE email = ?)",
            "DELETE FROM newsletter_delivery WHERE subscriber_id IN"
                + " (SELECT id FROM newsletter_subscriber WHERE email = ?)",
            "DELETE FROM newsletter_subscriber WHERE email = ?",
            "DELETE FROM agenda_registration WHERE email = ?",
            "DELETE FROM contact_message WHERE email = ?",
            "DELETE FROM mail_outbox WHERE recipient = ?",
            "DELETE FROM brand_privacy_link WHERE email = ?")) {
      em.createNativeQuery(sql).setParameter(1, email).executeUpdate();
    }
    // Requests to the DPO about the address stay (proof they were answered), without it.
    em.createNativeQuery("UPDATE privacy_request SET subject = ? WHERE LOWER(subject) = ?")
        .setParameter(1, "adresse effacée")
        .setParameter(2, email)
        .executeUpdate();
  }

  private List<Map<String, Object>> rows(String sql, String... parameters) {
    return NamedRows.maps(em, sql, (Object[]) parameters);
  }
}
