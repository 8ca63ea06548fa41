package org.parvis.network.feed.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parvis.kernel.api.web.PageMessages;

/**
 * Sharing on Mastodon, where every reader has their own instance: the share form sends the instance
 * the reader typed and this page offers the link to its share page. A link and not a redirect: the
 * pages' CSP ({@code form-action 'self'}) rightly forbids a form to lead to another site, and the
 * reader sees where they are going. Only a bare host name is accepted (no scheme, port, path or
 * credentials), so the link can only go to {@code https://<host>/share}.
 */
@Named
@RequestScoped
public class MastodonSharePage {

  static final Pattern HOST =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  @Inject FacesContext faces;
  @Inject PageMessages messages;

  private String instance;
  private String text;

  /** Answers 400 with a message in the reader's language when the instance is not a host name. */
  public void load() throws IOException {
    instance = host(instance);
    if (instance == null || text == null || text.isBlank() || text.length() > 1_000) {
      faces.getExternalContext().setResponseStatus(400);
      messages.error("share.mastodon.invalid");
      instance = null;
    }
  }

  /** The instance's share page, or null when the request was refused. */
  public String getTarget() {
    return instance == null ? null : "https://" + instance + "/share?text=" + Sharing.encode(text);
  }

  static String host(String typed) {
    if (typed == null) {
      return null;
    }
    String host = typed.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("https://")) {
      host = host.substring("https://".length());
    }
    if (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    return HOST.matcher(host).matches() ? host : null;
  }

  public String getInstance() {
    return instance;
  }

  public void setInstance(String instance) {
    this.instance = instance;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
