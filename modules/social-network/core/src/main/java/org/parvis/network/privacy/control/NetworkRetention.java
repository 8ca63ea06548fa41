package org.parvis.network.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.kernel.api.security.control.ThrottleLedger;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.network.member.control.MemberMail;
import org.parvis.network.privacy.control.AccountErasure.Contributions;
import org.parvis.privacy.api.DataSide;
import org.parvis.privacy.api.RetentionCategory;
import org.parvis.privacy.api.RetentionProvider;
import org.parvis.privacy.api.RetentionRun;
import org.parvis.privacy.api.control.PrivacyRequestRows;
import org.parvis.privacy.api.control.RetentionRows;

/**
 * The network's retention periods (the same as its processing register says), applied by
 * data-privacy's batch job. A member inactive for the period (three years by default) is warned by
 * mail 30 and 7 days before, then erased as if they had asked (their contributions kept as
 * "Participant supprimé"); signing in again, or any activity, starts the period over.
 */
@ApplicationScoped
@Transactional
public class NetworkRetention implements RetentionProvider {

  static final String UNCONFIRMED = "network.unconfirmed-account";
  static final String EMAIL_LINKS = "network.email-link";
  static final String NOTICE = "network.inactive-account-notice";
  static final String INACTIVE = "network.inactive-account";
  static final String SECURITY_LOG = "network.security-log";
  static final String SESSIONS = "network.session";
  static final String DEVICES = "network.device";
  static final String MAILS = "network.mail";
  static final String FREEZES = "network.account-freeze";
  static final String THROTTLES = "network.sign-in-throttle";
  static final String SIGNATURES = "network.closed-initiative-signature";
  static final String RETIRED_HANDLES = "network.retired-handle";

  /** How many accounts one run warns or erases at most (the next run goes on). */
  static final int ACCOUNTS_PER_RUN = 2_000;

  static final String REQUESTS = "network.privacy-request";
  static final String AUDIT = "network.audit-trail";

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject AccountErasure erasure;
  @Inject MemberArchives archives;
  @Inject MemberMail mail;

  @Inject
  @ConfigProperty(name = "parvis.retention.network.inactive-account.notices", defaultValue = "30,7")
  String notices;

  /** How many inactive accounts are read at a time, in the order of their ids. */
  @Inject
  @ConfigProperty(name = "parvis.retention.scan-page", defaultValue = "500")
  int scanPage;

  @Override
  public DataSide side() {
    return DataSide.NETWORK;
  }

  @Override
  public String module() {
    return "social-network";
  }

  @Override
  public List<RetentionCategory> categories() {
    var inactive =
        RetentionCategory.configured(
            INACTIVE,
            Period.ofYears(3),
            "compte effacé (contributions gardées sous « Participant supprimé »)");
    return List.of(
        RetentionCategory.configured(
            UNCONFIRMED, Period.ofDays(7), "inscription jamais confirmée supprimée"),
        RetentionCategory.configured(
            EMAIL_LINKS, Period.ofDays(2), "lien envoyé par mail supprimé"),
        new RetentionCategory(
            NOTICE, inactive.period(), "avertissement envoyé " + notices + " jours avant"),
        inactive,
        RetentionCategory.configured(
            SECURITY_LOG, Period.ofYears(1), "événement du journal de sécurité supprimé"),
        RetentionCategory.configured(
            SESSIONS, Period.ofDays(30), "session terminée supprimée (adresse IP)"),
        RetentionCategory.configured(DEVICES, Period.ofYears(1), "appareil inutilisé oublié"),
        RetentionCategory.configured(MAILS, Period.ofDays(90), "mail envoyé supprimé"),
        RetentionCategory.configured(FREEZES, Period.ofYears(1), "gel de compte examiné supprimé"),
        RetentionCategory.configured(
            SIGNATURES,
            Period.ofYears(1),
            "signatures d’une initiative terminée anonymisées (le compte reste exact)"),
        RetentionCategory.configured(REQUESTS, Period.ofYears(5), "demande au DPO close supprimée"),
        RetentionCategory.configured(
            AUDIT, Period.ofYears(1), "action de l’équipe supprimée du journal d’audit"),
        RetentionCategory.configured(
            RETIRED_HANDLES, Period.ofYears(1), "pseudonyme d’un compte effacé de nouveau libre"),
        MemberArchives.retention());
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int apply(String category, Instant asOf) {
    var found = category(category);
    Instant cutoff = found.cutoff(asOf);
    return switch (category) {
      case UNCONFIRMED -> purgeUnconfirmed(cutoff);
      case EMAIL_LINKS -> delete("DELETE FROM member_email_token WHERE created_at < ?", cutoff);
      case NOTICE -> warnInactive(found.period(), asOf);
      case INACTIVE -> eraseInactive(cutoff, asOf);
      case SECURITY_LOG ->
          delete("DELETE FROM member_security_event WHERE occurred_at < ?", cutoff);
      case SESSIONS ->
          delete("DELETE FROM member_session WHERE COALESCE(ended_at, last_seen_at) < ?", cutoff);
      case DEVICES -> delete("DELETE FROM member_device WHERE last_seen_at < ?", cutoff);
      case MAILS -> new MailOutbox(em).forget(cutoff);
      case THROTTLES -> new ThrottleLedger(em).forgetBefore(cutoff);
      case FREEZES -> delete("DELETE FROM account_freeze WHERE reviewed_at < ?", cutoff);
      case SIGNATURES -> anonymiseSignatures(cutoff);
      case REQUESTS -> new PrivacyRequestRows(em, DataSide.NETWORK).forget(cutoff);
      case AUDIT -> new org.parvis.kernel.api.audit.control.AuditLog(em).forget(cutoff);
      case RETIRED_HANDLES -> delete("DELETE FROM retired_handle WHERE retired_at < ?", cutoff);
      case "network.member-archive" -> archives.forget(cutoff);
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

  private int delete(String sql, Instant... instants) {
    return RetentionRows.delete(em, sql, instants);
  }

  /** Registrations never confirmed: nothing was done with them, they go entirely. */
  private int purgeUnconfirmed(Instant cutoff) {
    em.createNativeQuery(
            "DELETE FROM mail_outbox WHERE recipient IN (SELECT email FROM member_account"
                + " WHERE email_confirmed_at IS NULL AND created_at < ?)")
        .setParameter(1, Rows.utc(cutoff))
        .executeUpdate();
    return delete(
        "DELETE FROM member_account WHERE email_confirmed_at IS NULL AND created_at < ?", cutoff);
  }

  /** The last sign of life of a member: sign-up, sign-in, publication or a session in use. */
  private static final String LAST_ACTIVE =
      "GREATEST(m.created_at, COALESCE(m.last_sign_in_at, m.created_at),"
          + " COALESCE(m.last_published_at, m.created_at),"
          + " COALESCE((SELECT MAX(s.last_seen_at) FROM member_session s"
          + " WHERE s.member_id = m.id), m.created_at))";

  private record Inactive(
      long id,
      String email,
      String name,
      Locale language,
      Instant lastActive,
      Instant noticeAt,
      Integer noticeDays) {

    /** The notice already sent for this period of inactivity, in days before the deadline. */
    Integer noticeOfThisPeriod() {
      return noticeAt != null && !noticeAt.isBefore(lastActive) ? noticeDays : null;
    }
  }

  /**
   * Walks every account inactive since before the given time, a page at a time, until the action
   * was taken {@link #ACCOUNTS_PER_RUN} times; returns how many times it was.
   */
  private int forEachInactive(Instant lastActiveBefore, Predicate<Inactive> action) {
    int acted = 0;
    long after = 0;
    while (acted < ACCOUNTS_PER_RUN) {
      var page = inactiveSince(lastActiveBefore, after);
      for (Inactive member : page) {
        after = member.id();
        if (acted < ACCOUNTS_PER_RUN && action.test(member)) {
          acted++;
        }
      }
      if (page.size() < scanPage) {
        break;
      }
    }
    return acted;
  }

  private List<Inactive> inactiveSince(Instant lastActiveBefore, long afterId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.id, m.email, m.display_name, m.language, "
                    + LAST_ACTIVE
                    + ", m.inactivity_notice_at, m.inactivity_notice_days FROM member_account m"
                    + " WHERE m.erased_at IS NULL AND m.email_confirmed_at IS NOT NULL AND "
                    + LAST_ACTIVE
                    + " < ? AND m.id > ? ORDER BY m.id"
                    + Rows.page(0, scanPage))
            .setParameter(1, Rows.utc(lastActiveBefore))
            .setParameter(2, afterId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Inactive(
                    Rows.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    Locale.forLanguageTag((String) r[3]),
                    Rows.instant(r[4]),
                    Rows.instant(r[5]),
                    r[6] == null ? null : ((Number) r[6]).intValue()))
        .toList();
  }

  private int[] noticeDays() {
    return Arrays.stream(notices.split(","))
        .map(String::strip)
        .mapToInt(Integer::parseInt)
        .filter(d -> d > 0)
        .sorted()
        .toArray();
  }

  /**
   * Sends each member the most urgent notice due and not yet sent for this period of inactivity;
   * the date it announces is never earlier than the last notice's days from now.
   */
  private int warnInactive(Period period, Instant asOf) {
    int[] days = noticeDays();
    if (days.length == 0) {
      return 0;
    }
    int earliest = days[days.length - 1];
    Instant lastActiveBefore =
        asOf.atOffset(ZoneOffset.UTC).minus(period).plusDays(earliest).toInstant();
    return forEachInactive(lastActiveBefore, member -> warn(member, period, days, asOf));
  }

  /** Sends the member the notice due, if not sent yet in this period of inactivity. */
  private boolean warn(Inactive member, Period period, int[] days, Instant asOf) {
    Instant deadline = member.lastActive().atOffset(ZoneOffset.UTC).plus(period).toInstant();
    long daysLeft = Duration.between(asOf, deadline).toDays();
    int due = days[days.length - 1];
    for (int d : days) {
      if (daysLeft <= d) {
        due = d;
        break;
      }
    }
    Integer already = member.noticeOfThisPeriod();
    if (already != null && already <= due) {
      return false;
    }
    // The notice is claimed before it is mailed: two runs at once (two servers) send it once.
    int claimed =
        em.createNativeQuery(
                "UPDATE member_account SET inactivity_notice_at = ?, inactivity_notice_days = ?"
                    + " WHERE id = ? AND (inactivity_notice_at IS NULL OR inactivity_notice_at < ?"
                    + " OR inactivity_notice_days > ?)")
            .setParameter(1, Rows.utc(asOf))
            .setParameter(2, due)
            .setParameter(3, member.id())
            .setParameter(4, Rows.utc(member.lastActive()))
            .setParameter(5, due)
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    Instant erasedOn = later(deadline, asOf.plus(Duration.ofDays(due)));
    mail.send(
        member.email(),
        member.language(),
        "inactive",
        asOf,
        member.name(),
        MemberMail.date(erasedOn, member.language()),
        mail.link("/connexion.xhtml"));
    return true;
  }

  /** Erases members inactive past the period who had their last notice long enough ago. */
  private int eraseInactive(Instant cutoff, Instant asOf) {
    int[] days = noticeDays();
    int last = days.length == 0 ? 0 : days[0];
    return forEachInactive(
        cutoff,
        member -> {
          Integer notice = member.noticeOfThisPeriod();
          boolean warned = days.length == 0 || (notice != null && notice == last);
          if (warned
              && (member.noticeAt() == null
                  || !member.noticeAt().plus(Duration.ofDays(last)).isAfter(asOf))) {
            erasure.erase(member.id(), Contributions.KEEP, asOf);
            return true;
          }
          return false;
        });
  }

  /**
   * Who signed an initiative ended before the cutoff is forgotten: the rows go, their number is
   * kept on the initiative, so its count does not change.
   */
  private int anonymiseSignatures(Instant cutoff) {
    // Only initiatives that still have rows: those anonymised on earlier nights are not
    // rewritten every night.
    String ended =
        "SELECT i.id FROM initiative i WHERE i.ended_at < ?"
            + " AND i.status IN ('ACHIEVED', 'CLOSED', 'WITHDRAWN')"
            + " AND EXISTS (SELECT 1 FROM initiative_signature s WHERE s.initiative_id = i.id)";
    em.createNativeQuery(
            "UPDATE initiative SET anonymised_signatures = anonymised_signatures"
                + " + (SELECT COUNT(*) FROM initiative_signature c"
                + " WHERE c.initiative_id = initiative.id) WHERE id IN ("
                + ended
                + ")")
        .setParameter(1, Rows.utc(cutoff))
        .executeUpdate();
    return em.createNativeQuery(
            "DELETE FROM initiative_signature WHERE initiative_id IN (" + ended + ")")
        .setParameter(1, Rows.utc(cutoff))
        .executeUpdate();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
