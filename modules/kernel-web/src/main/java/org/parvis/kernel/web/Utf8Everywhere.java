package org.parvis.kernel.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.nio.charset.StandardCharsets;

/**
 * Forms are posted in UTF-8 without a charset in their Content-Type (browsers send none): without
 * this default the container would decode "Guéret" as ISO-8859-1. (A web fragment cannot declare
 * request-character-encoding; each site's context can.)
 */
@WebListener
public class Utf8Everywhere implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setRequestCharacterEncoding(StandardCharsets.UTF_8.name());
    event.getServletContext().setResponseCharacterEncoding(StandardCharsets.UTF_8.name());
  }
}
