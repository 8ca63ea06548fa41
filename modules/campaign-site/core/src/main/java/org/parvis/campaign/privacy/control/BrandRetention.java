package org.parvis.campaign.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.RetentionCategory;
import org.parvis.privacy.api.RetentionProvider;
import org.parvis.privacy.api.RetentionRun;
import org.parvis.privacy.api.control.PrivacyRequestRows;
import org.parvis.privacy.api.control.RetentionRows;

/**
 * The brand database's retention periods (those its processing register states), applied by
 * data-privacy's batch job. A person whose record goes loses the consents recorded for it too: a
 * proof of consent about nobody proves nothing.
 */
@ApplicationScoped
@Transactional
public class BrandRetention implements RetentionProvider {

  static final String UNCONFIRMED = "brand.unconfirmed-subscription";
  static final String UNSUBSCRIBED = "brand.unsubscribed";
  static final String REGISTRATIONS = "brand.event-registration";
  static final String MESSAGES = "brand.contact-message";
  static final String PRIVACY_LINKS = "brand.privacy-link";
  static final String MAILS = "brand.mail";
  static final String SECURITY_LOG = "brand.staff-security-log";
  static final String DEVICES = "brand.staff-device";

  static final String REQUESTS = "brand.privacy-request";
  static final String AUDIT = "brand.audit-trail";

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Override
  public DataSide side() {
    return DataSide.BRAND;
  }

  @Override
  public String module() {
    return "campaign-site";
  }

  @Override
  public List<RetentionCategory> categories() {
    return List.of(
        RetentionCategory.configured(
            UNCONFIRMED, Period.ofDays(2), "inscription à la lettre jamais confirmée supprimée"),
        RetentionCategory.configured(
            UNSUBSCRIBED, Period.ofDays(30), "adresse désinscrite de la lettre supprimée"),
        RetentionCategory.configured(
            REGISTRATIONS, Period.ofMonths(3), "inscriptions supprimées après l’événement"),
        RetentionCategory.configured(
            MESSAGES, Period.ofYears(1), "message de contact ou de bénévolat supprimé"),
        RetentionCategory.configured(
            PRIVACY_LINKS, Period.ofDays(1), "lien d’accès aux données supprimé"),
        RetentionCategory.configured(MAILS, Period.ofDays(90), "mail envoyé supprimé"),
        RetentionCategory.configured(
            SECURITY_LOG, Period.ofYears(1), "événement du journal de sécurité supprimé"),
        RetentionCategory.configured(DEVICES, Period.ofYears(1), "appareil inutilisé oublié"),
        RetentionCategory.configured(REQUESTS, Period.ofYears(5), "demande au DPO close supprimée"),
        RetentionCategory.configured(
            AUDIT, Period.ofYears(1), "action de l’équipe supprimée du journal d’audit"));
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int apply(String category, Instant asOf) {
    var found = category(category);
    Instant cutoff = found.cutoff(asOf);
    return switch (category) {
      case UNCONFIRMED ->
          deleteWithConsents(
              "SUBSCRIBER",
              "newsletter_subscriber",
              "status = 'PENDING' AND subscribed_at < ?",
              cutoff);
      case UNSUBSCRIBED ->
          deleteWithConsents(
              "SUBSCRIBER",
              "newsletter_subscriber",
              "status = 'UNSUBSCRIBED' AND unsubscribed_at < ?",
              cutoff);
      case REGISTRATIONS ->
          deleteWithConsents(
              "REGISTRANT",
              "agenda_registration",
              "event_id IN (SELECT e.id FROM agenda_event e WHERE e.ends_at < ?)",
              cutoff);
      case MESSAGES -> deleteWithConsents("CONTACT", "contact_message", "received_at < ?", cutoff);
      case PRIVACY_LINKS -> delete("DELETE FROM brand_privacy_link WHERE created_at < ?", cutoff);
      case MAILS -> new MailOutbox(em).forget(cutoff);
      case SECURITY_LOG -> delete("DELETE FROM staff_security_event WHERE occurred_at < ?", cutoff);
      case DEVICES -> delete("DELETE FROM staff_device WHERE last_seen_at < ?", cutoff);
      case REQUESTS -> new PrivacyRequestRows(em, DataSide.BRAND).forget(cutoff);
      case AUDIT -> new org.parvis.kernel.api.audit.control.AuditLog(em).forget(cutoff);
      default -> throw new IllegalStateException(category);
    };
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void record(RetentionRun run) {
    RetentionRows.insert(em, run);
  }

  @Override
  @Transactional
  public List<RetentionRun> journal(int limit) {
    return RetentionRows.latest(
        em, categories().stream().map(RetentionCategory::name).toList(), limit);
  }

  private int deleteWithConsents(String kind, String table, String due, Instant cutoff) {
    em.createNativeQuery(
            "DELETE FROM brand_consent WHERE subject_kind = ? AND subject_id IN (SELECT id FROM "
                + table
                + " WHERE "
                + due
                + ")")
        .setParameter(1, kind)
        .setParameter(2, Rows.utc(cutoff))
        .executeUpdate();
    return delete("DELETE FROM " + table + " WHERE " + due, cutoff);
  }

  private int delete(String sql, Instant... instants) {
    return RetentionRows.delete(em, sql, instants);
  }
}
