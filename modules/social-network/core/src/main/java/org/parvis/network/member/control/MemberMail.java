package org.parvis.network.member.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parvis.kernel.api.mail.control.MailOutbox;
import org.parvis.network.member.entity.MemberAccount;

/**
 * The emails sent to members, in their language (French unless they chose English), queued in the
 * network database's outbox within the caller's transaction. Links use the network's configured
 * public address, never the Host header of a request (which an attacker chooses).
 */
@ApplicationScoped
@Transactional
public class MemberMail {

  @PersistenceContext(unitName = "network")
  EntityManager em;

  /** The party's name: the network's copy of its identity (the configured name until set). */
  @Inject org.parvis.network.site.control.NetworkIdentity identity;

  @Inject
  @ConfigProperty(name = "parvis.network.public-url")
  String publicUrl;

  /** The address of a page of the network, e.g. {@code link("/connexion.xhtml")}. */
  public String link(String path) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + path;
  }

  public void send(
      String recipient, Locale language, String kind, Instant now, Object... moreArguments) {
    var bundle = bundle(language);
    Object[] arguments = new Object[moreArguments.length + 1];
    arguments[0] = identity.current().partyName();
    System.arraycopy(moreArguments, 0, arguments, 1, moreArguments.length);
    var format = new MessageFormat("", language);
    format.applyPattern(bundle.getString(kind + ".subject"));
    String subject = format.format(arguments);
    format.applyPattern(bundle.getString(kind + ".body"));
    new MailOutbox(em).queue(recipient, subject, format.format(arguments), now);
  }

  /** A day in a mail: the Paris calendar date, written the member's way ("22 novembre 2026"). */
  public static String date(Instant at, Locale language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(language)
        .withZone(PARIS)
        .format(at);
  }

  /** A moment in a mail: Paris date and time, written the member's way. */
  public static String dateTime(Instant at, Locale language) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(language)
        .withZone(PARIS)
        .format(at);
  }

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** The texts of the members' emails in a language. */
  public static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle("org.parvis.network.member.control.mails", language);
  }

  void confirmation(MemberAccount member, String secret, Instant now) {
    send(
        member.email(),
        member.language(),
        "confirm",
        now,
        member.displayName(),
        link("/confirmation.xhtml?jeton=" + secret));
  }
}
