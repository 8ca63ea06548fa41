package org.parvis.kernel.api.mail.control;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends one plain-text email through the server's mail session {@code mail/parvis} (SMTP host, port
 * and sender address come from server-config, never from the EAR). Looked up when a mail is sent,
 * so that a module deploys and runs even where no mail session is configured.
 */
public final class MailTransport {

  public static final String SESSION = "mail/parvis";

  private MailTransport() {}

  public static void send(MailOutbox.Mail mail) throws MessagingException {
    Session session;
    try {
      session = InitialContext.doLookup(SESSION);
    } catch (NamingException e) {
      throw new MessagingException("no mail session " + SESSION + " in the server", e);
    }
    var message = new MimeMessage(session);
    message.setFrom();
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setSentDate(new Date());
    message.setHeader("Auto-Submitted", "auto-generated");
    if (mail.listUnsubscribe() != null) {
      // One click in the mail client unsubscribes (RFC 8058): a POST, never a prefetched GET.
      message.setHeader("List-Unsubscribe", "<" + mail.listUnsubscribe() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      message.setHeader("Precedence", "bulk");
    }
    Transport.send(message);
  }
}
