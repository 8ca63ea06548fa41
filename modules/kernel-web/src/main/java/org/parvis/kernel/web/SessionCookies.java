package org.parvis.kernel.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session cookies: the session is tracked by cookie only (a {@code ;jsessionid=} in an address is
 * never honoured, see {@link InboundFilter}), and the cookie is {@code Secure} whenever the site's
 * public address is HTTPS. Behind a reverse proxy that terminates TLS the container sees plain HTTP
 * and would otherwise send the session cookie without {@code Secure}. The site's public address is
 * the property named by the context parameter {@code parvis.public-url.property} (the network names
 * its own), {@code parvis.brand.public-url} by default.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  static final String PROPERTY = "parvis.public-url.property";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    var context = event.getServletContext();
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    String property = context.getInitParameter(PROPERTY);
    String publicUrl =
        ConfigProvider.getConfig()
            .getOptionalValue(property == null ? "parvis.brand.public-url" : property, String.class)
            .orElse("");
    if (publicUrl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
      context.getSessionCookieConfig().setSecure(true);
    }
  }
}
