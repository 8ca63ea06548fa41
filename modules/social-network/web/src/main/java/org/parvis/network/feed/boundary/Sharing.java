package org.parvis.network.feed.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute addresses for Open Graph metadata and share links that load nothing from elsewhere: each
 * is a plain link the reader follows if they wish (no script, image or font of the networks is ever
 * embedded, so no network learns who read the page).
 */
@Named
@ApplicationScoped
public class Sharing {

  @Inject
  @ConfigProperty(name = "parvis.network.public-url")
  String publicUrl;

  /** The public address of a path of the network site ({@code /initiatives/voir.xhtml?id=4}). */
  public String url(String path) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + path;
  }

  public String facebook(String url) {
    return "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
  }

  public String x(String url, String text) {
    return "https://x.com/intent/post?url=" + encode(url) + "&text=" + encode(text);
  }

  public String linkedIn(String url) {
    return "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url);
  }

  public String whatsApp(String url, String text) {
    return "https://wa.me/?text=" + encode(text + " " + url);
  }

  public String email(String url, String text) {
    return "mailto:?subject=" + encode(text) + "&body=" + encode(text + "\n\n" + url);
  }

  /** Text for the address bar of another site: spaces as %20 (mail clients show + literally). */
  static String encode(String text) {
    return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
