package org.parvis.campaign.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.mail.control.MailOutbox;

/**
 * The brand site's mails to people: texts from a bundle in the person's language, links under the
 * site's public address, queued in the brand outbox in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class BrandMailer {

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "parvis.brand.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject org.parvis.campaign.site.control.PartyIdentity identity;

  /** The party's name as its administrator set it (the configured one until then). */
  public String partyName() {
    return identity.current().partyName();
  }

  /** An absolute address on the brand site. */
  public String link(String path) {
    return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
        + path;
  }

  /**
   * Queues {@code key}.subject / {@code key}.body of {@code bundle} ({0} the party, {1} the link),
   * with a one-click unsubscribe address or null.
   */
  public void send(
      String to,
      String bundle,
      String language,
      String key,
      String link,
      String listUnsubscribe,
      Instant now) {
    var texts = bundle(bundle, language);
    new MailOutbox(em)
        .queue(
            to,
            MessageFormat.format(texts.getString(key + ".subject"), partyName()),
            MessageFormat.format(texts.getString(key + ".body"), partyName(), link),
            listUnsubscribe,
            now);
  }

  public static ResourceBundle bundle(String bundle, String language) {
    return ResourceBundle.getBundle(
        bundle, Locale.forLanguageTag("en".equals(language) ? "en" : "fr"));
  }
}
