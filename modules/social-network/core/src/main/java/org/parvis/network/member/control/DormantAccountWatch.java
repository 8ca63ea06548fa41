package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.text.SafeHtml;
import org.parvis.network.api.AccountWatch;
import org.parvis.network.member.entity.AccountFreeze;
import org.parvis.network.member.entity.MemberAccount.ActivityRules;
import org.parvis.network.member.entity.MemberSecurityEvent;
import org.parvis.network.member.entity.MemberSecurityEvent.Kind;
import org.parvis.network.official.control.OfficialRegistry;

/**
 * The watch on dormant and hijacked accounts, asked before anything a member publishes goes out. A
 * verified official must have proved their second factor within the inactivity period (90 days by
 * default); an account silent that long which wakes up with a burst of publications, or with links,
 * is frozen and shown to staff in the console. Every freeze is in the holder's security log.
 */
@ApplicationScoped
@Transactional
public class DormantAccountWatch implements AccountWatch {

  private static final Logger LOG = Logger.getLogger(DormantAccountWatch.class.getName());
  static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject Members members;

  @Inject OfficialRegistry officials;

  @Inject
  @ConfigProperty(name = "parvis.security.dormancy-days", defaultValue = "90")
  int dormancyDays;

  @Inject
  @ConfigProperty(name = "parvis.security.wake-burst", defaultValue = "5")
  int burst;

  Clock clock = Clock.systemUTC();

  /** What may happen to a publication. */
  public enum Verdict {
    ALLOWED,
    /** An official silent too long, or without a second factor: sign in again with it. */
    SECOND_FACTOR_REQUIRED,
    /** Frozen for review, now or before: nothing goes out. */
    FROZEN,
    /** Suspended or banned by moderators. */
    SUSPENDED,
    UNKNOWN;

    /** The message key that tells the member why nothing went out; empty when allowed. */
    public Optional<String> refusal() {
      return switch (this) {
        case ALLOWED -> Optional.empty();
        case SECOND_FACTOR_REQUIRED -> Optional.of("publish.second-factor");
        case SUSPENDED -> Optional.of("publish.suspended");
        case FROZEN, UNKNOWN -> Optional.of("publish.frozen");
      };
    }
  }

  /**
   * Decides whether the member may publish {@code contents} now (every text that goes out: title,
   * body, answer, edit), and counts the publication when they may. The watch looks for links in the
   * contents itself, so that no publication path can declare its text free of them. Publishing
   * modules call it in their own transaction, before writing.
   */
  @Transactional
  public Verdict beforePublishing(String handle, String remoteAddress, String... contents) {
    boolean containsLinks = Arrays.stream(contents).anyMatch(SafeHtml::containsLinks);
    Instant now = clock.instant();
    var found = members.confirmed(handle);
    if (found.isEmpty()) {
      return Verdict.UNKNOWN;
    }
    var member = found.get();
    if (member.isFrozen()) {
      return Verdict.FROZEN;
    }
    if (member.isSuspended(now)) {
      return Verdict.SUSPENDED;
    }
    Duration dormancy = Duration.ofDays(dormancyDays);
    if (officials.isOfficial(member)
        && (!member.twoFactor().isOn() || !member.secondFactorProvedSince(now.minus(dormancy)))) {
      return Verdict.SECOND_FACTOR_REQUIRED;
    }
    var reason =
        member.published(
            now, containsLinks, new ActivityRules(dormancy, Duration.ofDays(1), burst));
    if (reason.isPresent()) {
      member.freeze(now);
      em.persist(new AccountFreeze(member, reason.get(), now));
      em.persist(
          new MemberSecurityEvent(
              member, now, Kind.ACCOUNT_FROZEN, remoteAddress, reason.get().name()));
      LOG.warning(
          () ->
              "Dormant account @"
                  + member.handle()
                  + " frozen for review ("
                  + reason.get()
                  + "): see the console.");
      return Verdict.FROZEN;
    }
    return Verdict.ALLOWED;
  }

  @Override
  public long pendingCount() {
    return em.createNamedQuery(AccountFreeze.PENDING_COUNT, Long.class).getSingleResult();
  }

  @Override
  public List<Freeze> pending(int first, int size) {
    var freezes =
        em.createNamedQuery(AccountFreeze.PENDING, AccountFreeze.class)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
            .getResultList();
    // One query for the officials of the whole page, not one per frozen account.
    var officialHandles =
        officials.badges(freezes.stream().map(f -> f.member().handle()).toList()).keySet();
    return freezes.stream()
        .map(
            f ->
                new Freeze(
                    f.id(),
                    f.member().handle(),
                    f.member().displayName(),
                    officialHandles.contains(f.member().handle()),
                    f.reason().name(),
                    f.frozenAt()))
        .toList();
  }

  @Override
  @Transactional
  public Optional<String> review(String staff, long freezeId, boolean lift) {
    var freeze = em.find(AccountFreeze.class, freezeId);
    if (freeze == null) {
      return Optional.of("freeze.unknown");
    }
    Instant now = clock.instant();
    if (!freeze.review(lift, staff, now)) {
      return Optional.of("freeze.reviewed");
    }
    em.persist(
        new MemberSecurityEvent(
            freeze.member(), now, lift ? Kind.FREEZE_LIFTED : Kind.FREEZE_KEPT, null, null));
    return Optional.empty();
  }
}
