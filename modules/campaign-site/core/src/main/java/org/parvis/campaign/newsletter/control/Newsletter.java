package org.parvis.campaign.newsletter.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.parvis.campaign.mail.control.BrandMailer;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.RecoveryCodes;
import org.parvis.kernel.api.sql.Rows;

/**
 * Newsletter subscriptions with double opt-in: the address is recorded as pending with the consent
 * given (purpose, version of the text shown, time, how), a confirmation link is mailed, and only a
 * confirmed address receives campaigns. Every mail carries a link to change themes or leave in one
 * click; leaving withdraws the consent in the ledger. The page never tells whether an address was
 * already subscribed.
 */
@ApplicationScoped
@Transactional
public class Newsletter {

  /**
   * The version of the consent text the subscription form shows (bundle key consent.newsletter).
   */
  public static final String CONSENT_VERSION = "newsletter-2026-11";

  static final Duration CONFIRM_WITHIN = Duration.ofDays(2);

  /** What subscribers can choose to receive. */
  public enum Theme {
    NEWS,
    EVENTS,
    MOBILISATION
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject BrandMailer mailer;

  /** A subscription as its manage page shows it. */
  public record Subscription(String email, String status, Set<Theme> themes, String language) {

    public boolean confirmed() {
      return "CONFIRMED".equals(status);
    }
  }

  /** Parses themes ticked on a form; all of them when none is. */
  public static Set<Theme> themes(List<String> names) {
    var themes = new LinkedHashSet<Theme>();
    if (names != null) {
      for (String name : names) {
        try {
          themes.add(Theme.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ignored) {
          // An unknown theme from a forged form is dropped.
        }
      }
    }
    return themes.isEmpty() ? Set.of(Theme.values()) : themes;
  }

  /**
   * Records a subscription request and mails the confirmation link (or, to an address already
   * confirmed, a reminder of its manage link). Returns the message key of a problem, if any.
   */
  @Transactional
  public Optional<String> subscribe(
      String email, Set<Theme> themes, boolean consent, String language, Instant now) {
    String address = EmailAddress.normalize(email);
    if (!EmailAddress.valid(address)) {
      return Optional.of("newsletter.email.invalid");
    }
    if (!consent) {
      return Optional.of("newsletter.consent.required");
    }
    String lang = "en".equals(language) ? "en" : "fr";
    String confirmToken = OneTimeCodes.randomKey();
    @SuppressWarnings("unchecked")
    List<Object[]> existing =
        em.createNativeQuery(
                "SELECT id, status, manage_token FROM newsletter_subscriber WHERE email = ?"
                    + " FOR UPDATE")
            .setParameter(1, address)
            .getResultList();
    String themeList = String.join(",", themes.stream().map(Enum::name).toList());
    if (!existing.isEmpty() && "CONFIRMED".equals(existing.get(0)[1])) {
      mail(address, lang, "already", manageLink((String) existing.get(0)[2]), null, now);
      return Optional.empty();
    }
    long id;
    String manageToken;
    if (existing.isEmpty()) {
      manageToken = OneTimeCodes.randomKey();
      em.createNativeQuery(
              "INSERT INTO newsletter_subscriber (email, status, themes, language, confirm_hash,"
                  + " confirm_expires, manage_token, subscribed_at)"
                  + " VALUES (?, 'PENDING', ?, ?, ?, ?, ?, ?)")
          .setParameter(1, address)
          .setParameter(2, themeList)
          .setParameter(3, lang)
          .setParameter(4, RecoveryCodes.sha256(confirmToken))
          .setParameter(5, Rows.utc(now.plus(CONFIRM_WITHIN)))
          .setParameter(6, manageToken)
          .setParameter(7, Rows.utc(now))
          .executeUpdate();
      id =
          Rows.number(
              em.createNativeQuery("SELECT id FROM newsletter_subscriber WHERE email = ?")
                  .setParameter(1, address)
                  .getSingleResult());
    } else {
      // Pending or unsubscribed: a fresh request, a fresh link.
      id = Rows.number(existing.get(0)[0]);
      manageToken = (String) existing.get(0)[2];
      em.createNativeQuery(
              "UPDATE newsletter_subscriber SET status = 'PENDING', themes = ?, language = ?,"
                  + " confirm_hash = ?, confirm_expires = ?, subscribed_at = ?,"
                  + " unsubscribed_at = NULL WHERE id = ?")
          .setParameter(1, themeList)
          .setParameter(2, lang)
          .setParameter(3, RecoveryCodes.sha256(confirmToken))
          .setParameter(4, Rows.utc(now.plus(CONFIRM_WITHIN)))
          .setParameter(5, Rows.utc(now))
          .setParameter(6, id)
          .executeUpdate();
    }
    em.createNativeQuery(
            "INSERT INTO brand_consent (subject_kind, subject_id, purpose, text_version, method,"
                + " given_at) VALUES ('SUBSCRIBER', ?, 'NEWSLETTER', ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, CONSENT_VERSION)
        .setParameter(3, "web form, box ticked, confirmed by email link")
        .setParameter(4, Rows.utc(now))
        .executeUpdate();
    mail(
        address,
        lang,
        "confirm",
        mailer.link("/lettre/confirmer.xhtml?jeton=" + confirmToken),
        null,
        now);
    return Optional.empty();
  }

  /** Follows a confirmation link: the subscription starts. */
  @Transactional
  public Optional<String> confirm(String token, Instant now) {
    if (token == null || token.isBlank()) {
      return Optional.of("newsletter.link.invalid");
    }
    int changed =
        em.createNativeQuery(
                "UPDATE newsletter_subscriber SET status = 'CONFIRMED', confirmed_at = ?,"
                    + " confirm_hash = NULL, confirm_expires = NULL"
                    + " WHERE confirm_hash = ? AND status = 'PENDING' AND confirm_expires > ?")
            .setParameter(1, Rows.utc(now))
            .setParameter(2, RecoveryCodes.sha256(token))
            .setParameter(3, Rows.utc(now))
            .executeUpdate();
    return changed == 1 ? Optional.empty() : Optional.of("newsletter.link.invalid");
  }

  public Optional<Subscription> subscription(String manageToken) {
    if (manageToken == null || manageToken.isBlank()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT email, status, themes, language FROM newsletter_subscriber"
                    + " WHERE manage_token = ?")
            .setParameter(1, manageToken)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Subscription(
                    (String) r[0],
                    (String) r[1],
                    themes(Arrays.asList(((String) r[2]).split(","))),
                    (String) r[3]));
  }

  /** Leaves the newsletter (one click from any mail): no more campaigns, consent withdrawn. */
  @Transactional
  public boolean unsubscribe(String manageToken, Instant now) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM newsletter_subscriber WHERE manage_token = ?"
                    + " AND status <> 'UNSUBSCRIBED'")
            .setParameter(1, String.valueOf(manageToken))
            .getResultList();
    if (ids.isEmpty()) {
      return subscription(manageToken).isPresent();
    }
    Subscribers.leave(em, ids.get(0).longValue(), now);
    return true;
  }

  @Transactional
  public boolean changeThemes(String manageToken, Set<Theme> themes) {
    return em.createNativeQuery(
                "UPDATE newsletter_subscriber SET themes = ? WHERE manage_token = ?")
            .setParameter(1, String.join(",", themes.stream().map(Enum::name).toList()))
            .setParameter(2, String.valueOf(manageToken))
            .executeUpdate()
        == 1;
  }

  /** The party's name, as mails sign. */
  public String partyName() {
    return mailer.partyName();
  }

  /** The page where a subscriber changes themes or leaves. */
  public String manageLink(String manageToken) {
    return mailer.link("/lettre/gerer.xhtml?jeton=" + manageToken);
  }

  /** The address a mail client POSTs to for one-click unsubscribe (RFC 8058). */
  public String oneClickLink(String manageToken) {
    return mailer.link("/lettre/desinscription?jeton=" + manageToken);
  }

  private void mail(
      String to, String language, String key, String link, String listUnsubscribe, Instant now) {
    mailer.send(to, BUNDLE, language, key, link, listUnsubscribe, now);
  }

  static final String BUNDLE = "org.parvis.campaign.newsletter.control.mails";

  static ResourceBundle bundle(String language) {
    return BrandMailer.bundle(BUNDLE, language);
  }
}
