package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.security.Browsers;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.network.member.entity.MemberAccount;
import org.parvis.network.member.entity.MemberDevice;
import org.parvis.network.member.entity.MemberEmailToken;
import org.parvis.network.member.entity.MemberSecurityEvent;
import org.parvis.network.member.entity.MemberSecurityEvent.Kind;
import org.parvis.network.member.entity.MemberSession;

/**
 * Members' signed-in sessions and known browsers: a sign-in from a browser the member never used
 * sends them an email, and they see and end their open sessions from their security page.
 */
@ApplicationScoped
@Transactional
public class MemberSessions {

  /** Sessions idle longer than the container's timeout (30 minutes) are over anyway. */
  static final Duration IDLE = Duration.ofMinutes(31);

  @PersistenceContext(unitName = "network")
  EntityManager em;

  @Inject MemberMail mail;

  Clock clock = Clock.systemUTC();

  /** The keys a new session keeps: in the HTTP session, and in the device cookie. */
  public record Opened(String sessionKey, String deviceToken) {}

  /**
   * Records a completed sign-in: the session, and the browser (a new device token when the cookie
   * is missing or unknown; an email to the holder when they had signed in from elsewhere before).
   */
  @Transactional
  public Opened open(String handle, String deviceToken, String userAgent, String remoteAddress) {
    Instant now = clock.instant();
    var member = member(handle).orElseThrow();
    String browser = Browsers.describe(userAgent);
    var device =
        deviceToken == null || deviceToken.length() != 43
            ? null
            : em.find(MemberDevice.class, MemberEmailToken.digest(deviceToken));
    String token = deviceToken;
    if (device == null || !device.member().id().equals(member.id())) {
      long known =
          em.createNamedQuery(MemberDevice.COUNT_OF_MEMBER, Long.class)
              .setParameter("member", member)
              .getSingleResult();
      token = OneTimeCodes.randomKey();
      em.persist(new MemberDevice(MemberEmailToken.digest(token), member, browser, now));
      if (known > 0) {
        mail.send(
            member.email(),
            member.language(),
            "newDevice",
            now,
            member.displayName(),
            MemberMail.dateTime(now, member.language()),
            browser,
            remoteAddress,
            mail.link("/mot-de-passe-oublie.xhtml"));
        em.persist(new MemberSecurityEvent(member, now, Kind.NEW_DEVICE, remoteAddress, browser));
      }
    } else {
      device.seen(now);
    }
    String key = OneTimeCodes.randomKey();
    em.persist(
        new MemberSession(MemberEmailToken.digest(key), member, remoteAddress, browser, now));
    return new Opened(key, token);
  }

  /**
   * Whether the session is still open (not ended from elsewhere); records the activity. Runs on
   * every request of a signed-in member, so it reads two columns rather than the session and its
   * member as entities, and writes only when the last record is a minute old.
   */
  @Transactional
  public boolean touch(String sessionKey) {
    if (sessionKey == null) {
      return false;
    }
    String digest = MemberEmailToken.digest(sessionKey);
    var row =
        em.createNamedQuery(MemberSession.STATE, Object[].class)
            .setParameter("digest", digest)
            .getResultStream()
            .findFirst();
    if (row.isEmpty() || row.get()[1] != null) {
      return false;
    }
    Instant now = clock.instant();
    if (MemberSession.activityDue((OffsetDateTime) row.get()[0], now)) {
      em.createNamedQuery(MemberSession.SEEN)
          .setParameter("digest", digest)
          .setParameter("at", now.atOffset(ZoneOffset.UTC))
          .executeUpdate();
    }
    return true;
  }

  /** Ends the session at sign-out. */
  @Transactional
  public void close(String sessionKey) {
    session(sessionKey).ifPresent(s -> s.end(clock.instant()));
  }

  /** A session as its member sees it; {@code id} is the digest of its key, never the key. */
  public record SessionView(
      String id,
      Instant startedAt,
      Instant lastSeenAt,
      String remoteAddress,
      String browser,
      boolean current) {}

  public List<SessionView> openSessions(String handle, String currentKey) {
    var member = member(handle);
    if (member.isEmpty()) {
      return List.of();
    }
    String current = currentKey == null ? "" : MemberEmailToken.digest(currentKey);
    return em.createNamedQuery(MemberSession.OPEN_OF_MEMBER, MemberSession.class)
        .setParameter("member", member.get())
        .setParameter("since", clock.instant().minus(IDLE).atOffset(java.time.ZoneOffset.UTC))
        .setMaxResults(50)
        .getResultStream()
        .map(
            s ->
                new SessionView(
                    s.digest(),
                    s.startedAt(),
                    s.lastSeenAt(),
                    s.remoteAddress(),
                    s.browser(),
                    s.digest().equals(current)))
        .toList();
  }

  /** Ends one of the member's own sessions (signed out at its next request). */
  @Transactional
  public boolean end(String handle, String sessionId, String remoteAddress) {
    var member = member(handle);
    var session = sessionId == null ? null : em.find(MemberSession.class, sessionId);
    if (member.isEmpty() || session == null || !session.member().id().equals(member.get().id())) {
      return false;
    }
    session.end(clock.instant());
    em.persist(
        new MemberSecurityEvent(
            member.get(), clock.instant(), Kind.SESSION_ENDED, remoteAddress, session.browser()));
    return true;
  }

  /** Ends every open session of the member but {@code keptKey}'s (all of them when null). */
  public void endAllBut(MemberAccount member, String keptKey, Instant now) {
    em.createNativeQuery(
            "UPDATE member_session SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL"
                + " AND session_digest <> ?")
        .setParameter(1, now.atOffset(ZoneOffset.UTC))
        .setParameter(2, member.id())
        .setParameter(3, keptKey == null ? "" : MemberEmailToken.digest(keptKey))
        .executeUpdate();
  }

  /** Forgets every browser the member signed in from (each had its own sign-in throttle). */
  public void forgetDevices(MemberAccount member) {
    em.createNativeQuery("DELETE FROM member_device WHERE member_id = ?")
        .setParameter(1, member.id())
        .executeUpdate();
  }

  private Optional<MemberSession> session(String key) {
    return key == null
        ? Optional.empty()
        : Optional.ofNullable(em.find(MemberSession.class, MemberEmailToken.digest(key)));
  }

  private Optional<MemberAccount> member(String handle) {
    return em.createNamedQuery(MemberAccount.BY_HANDLE, MemberAccount.class)
        .setParameter("handle", MemberAccount.normalizeHandle(handle))
        .getResultStream()
        .findFirst();
  }
}
