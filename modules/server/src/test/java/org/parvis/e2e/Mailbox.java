package org.parvis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The SMTP server the end-to-end Parvis sends to (GreenMail on the port the build gives both), and
 * the messages it received: real mails through Jakarta Mail, read as a member would.
 */
final class Mailbox {

  private static GreenMail smtp;

  private Mailbox() {}

  /** Starts the server once for the whole run (the JVM's end stops it). */
  static synchronized void start() {
    if (smtp == null) {
      int port = Integer.getInteger("parvis.e2e.smtpPort", 18025);
      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
    }
  }

  /** The last message to {@code recipient}, waiting for it up to 30 seconds. */
  static MimeMessage lastTo(String recipient, String subjectStart) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var found =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> sentTo(m, recipient) && subject(m).startsWith(subjectStart))
              .reduce((first, second) -> second);
      if (found.isPresent()) {
        return found.get();
      }
      smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no mail \"" + subjectStart + "…\" to " + recipient);
  }

  /** The text of the last mail to {@code recipient} that contains {@code text}, waiting 30 s. */
  static String textTo(String recipient, String text) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var found =
          Arrays.stream(smtp.getReceivedMessages())
              .filter(m -> sentTo(m, recipient))
              .map(Mailbox::text)
              .filter(t -> t.contains(text))
              .reduce((first, second) -> second);
      if (found.isPresent()) {
        return found.get();
      }
      smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no mail containing \"" + text + "\" to " + recipient);
  }

  /** How many mails to {@code recipient} have a subject starting so. */
  static long countTo(String recipient, String subjectStart) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> sentTo(m, recipient) && subject(m).startsWith(subjectStart))
        .count();
  }

  static long countTo(String recipient) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, recipient)).count();
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
  }

  /** The text of a plain-text mail, decoded (accents and all). */
  static String text(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  /** The path of the Parvis link in a mail, e.g. "/reseau/confirmation.xhtml?jeton=…". */
  static String linkPath(MimeMessage message) {
    var matcher =
        Pattern.compile("https?://[^/\\s]+(/reseau/[\\w.-]+\\?jeton=[A-Za-z0-9_-]{43})")
            .matcher(body(message));
    assertThat(matcher.find()).as(body(message)).isTrue();
    return matcher.group(1);
  }

  private static boolean sentTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
