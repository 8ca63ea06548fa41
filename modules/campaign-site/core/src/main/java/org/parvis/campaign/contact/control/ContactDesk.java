package org.parvis.campaign.contact.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.sql.Rows;
import org.parvis.kernel.api.text.SafeHtml;

/**
 * Contact and volunteer forms, kept in the brand database with the sender's consent. Spam is kept
 * out without any third-party captcha: a field people never see must stay empty, the form must have
 * been shown a few seconds before (a signed time in the form, which bots replaying a post cannot
 * forge), a message may carry at most two links, and a sender (by address, and by network address
 * in memory only) sends few messages an hour.
 */
@ApplicationScoped
@Transactional
public class ContactDesk {

  /** The version of the consent text shown under the forms (bundle key contact.consent). */
  public static final String CONSENT_VERSION = "contact-2026-11";

  static final Duration MIN_FILL = Duration.ofSeconds(3);
  static final Duration MAX_FILL = Duration.ofHours(6);
  static final int PER_HOUR = 3;

  /** What the form is for. */
  public enum Kind {
    CONTACT,
    VOLUNTEER
  }

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  private final byte[] key = new byte[32];
  private final Map<String, List<Instant>> recentByClient = new ConcurrentHashMap<>();

  public ContactDesk() {
    new SecureRandom().nextBytes(key);
  }

  /** What a message's form carries: the time it was shown, signed. */
  public String formToken(Instant shownAt) {
    String time = Long.toString(shownAt.getEpochSecond());
    return time + "." + sign(time);
  }

  /** A message as editors read it. */
  public record Message(
      long id, String kind, String name, String email, String commune, String text, Instant at) {}

  /**
   * Records a message. Returns the message key of the problem, if any ("contact.spam" for what
   * looks automated: the page says so in plain words, so a person knows to try again).
   */
  @Transactional
  public Optional<String> receive(
      Kind kind,
      String name,
      String email,
      String commune,
      String message,
      boolean consent,
      String trap,
      String formToken,
      String client,
      Instant when) {
    // Stored to the microsecond, as both databases keep it: the row is found again by it.
    Instant now = when.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    if (trap != null && !trap.isEmpty() || !freshForm(formToken, now)) {
      return Optional.of("contact.spam");
    }
    String who = name == null ? "" : name.strip();
    if (who.isEmpty() || who.length() > 100) {
      return Optional.of("contact.name.invalid");
    }
    String address = EmailAddress.normalize(email);
    if (!EmailAddress.valid(address)) {
      return Optional.of("contact.email.invalid");
    }
    String text = message == null ? "" : message.strip();
    if (text.length() < 10 || text.length() > 5000) {
      return Optional.of("contact.message.invalid");
    }
    if (links(text) > 2) {
      return Optional.of("contact.links");
    }
    if (!consent) {
      return Optional.of("contact.consent.required");
    }
    String place = commune == null || commune.isBlank() ? null : commune.strip();
    if (place != null && place.length() > 100) {
      return Optional.of("contact.commune.invalid");
    }
    long lastHour =
        Rows.number(
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM contact_message WHERE email = ? AND received_at > ?")
                .setParameter(1, address)
                .setParameter(2, Rows.utc(now.minus(Duration.ofHours(1))))
                .getSingleResult());
    if (lastHour >= PER_HOUR || !clientMaySend(client, now)) {
      return Optional.of("contact.too-many");
    }
    em.createNativeQuery(
            "INSERT INTO contact_message (kind, name, email, commune, message, received_at)"
                + " VALUES (?, ?, ?, CAST(? AS VARCHAR(100)), ?, ?)")
        .setParameter(1, kind.name())
        .setParameter(2, who)
        .setParameter(3, address)
        .setParameter(4, place)
        .setParameter(5, text)
        .setParameter(6, Rows.utc(now))
        .executeUpdate();
    long id =
        Rows.number(
            em.createNativeQuery(
                    "SELECT MAX(id) FROM contact_message WHERE email = ? AND received_at = ?")
                .setParameter(1, address)
                .setParameter(2, Rows.utc(now))
                .getSingleResult());
    em.createNativeQuery(
            "INSERT INTO brand_consent (subject_kind, subject_id, purpose, text_version, method,"
                + " given_at) VALUES ('CONTACT', ?, ?, ?, 'web form, box ticked', ?)")
        .setParameter(1, id)
        .setParameter(2, kind == Kind.VOLUNTEER ? "VOLUNTEERING" : "CONTACT")
        .setParameter(3, CONSENT_VERSION)
        .setParameter(4, Rows.utc(now))
        .executeUpdate();
    return Optional.empty();
  }

  /** Messages listed a page at a time in the console. */
  public static final int PAGE_SIZE = 30;

  /**
   * The messages of one kind (all with null), newest first, page {@code page} of {@link
   * #PAGE_SIZE}, with one more when a next page exists.
   */
  public List<Message> recent(Kind kind, int page) {
    var query =
        em.createNativeQuery(
            "SELECT id, kind, name, email, commune, message, received_at FROM contact_message"
                + (kind == null ? "" : " WHERE kind = ?")
                + " ORDER BY received_at DESC, id DESC"
                + Rows.page(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE + 1));
    if (kind != null) {
      query.setParameter(1, kind.name());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Message(
                    Rows.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    Rows.instant(r[6])))
        .toList();
  }

  /** How many messages of one kind (all with null) are kept. */
  public long count(Kind kind) {
    var query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM contact_message" + (kind == null ? "" : " WHERE kind = ?"));
    if (kind != null) {
      query.setParameter(1, kind.name());
    }
    return Rows.number(query.getSingleResult());
  }

  boolean freshForm(String token, Instant now) {
    if (token == null || !token.contains(".")) {
      return false;
    }
    String time = token.substring(0, token.indexOf('.'));
    if (!java.security.MessageDigest.isEqual(
        sign(time).getBytes(StandardCharsets.US_ASCII),
        token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    Instant shown;
    try {
      shown = Instant.ofEpochSecond(Long.parseLong(time));
    } catch (NumberFormatException e) {
      return false;
    }
    Duration age = Duration.between(shown, now);
    return age.compareTo(MIN_FILL) >= 0 && age.compareTo(MAX_FILL) <= 0;
  }

  private boolean clientMaySend(String client, Instant now) {
    if (client == null) {
      return true;
    }
    var times =
        recentByClient.compute(
            client,
            (k, list) -> {
              var kept =
                  list == null
                      ? new java.util.ArrayList<Instant>()
                      : new java.util.ArrayList<>(
                          list.stream()
                              .filter(t -> t.isAfter(now.minus(Duration.ofHours(1))))
                              .toList());
              kept.add(now);
              return kept;
            });
    if (recentByClient.size() > 10_000) {
      recentByClient.clear();
    }
    return times.size() <= PER_HOUR * 3;
  }

  static int links(String text) {
    return SafeHtml.containsLinks(text) ? text.split("(?i)(https?://|www\\.)", -1).length - 1 : 0;
  }

  private String sign(String value) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
