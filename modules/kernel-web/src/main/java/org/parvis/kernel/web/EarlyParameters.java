package org.parvis.kernel.web;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decodes a request's parameters before anything else reads them. Jakarta Security runs before any
 * filter and reads the parameters of a request to a protected page (to replay it after sign-in): a
 * body it cannot decode (a multipart body without boundary) failed there with a server error. Read
 * once here, a failure is noted on the request and {@link InboundFilter} answers 400; the container
 * does not parse twice, so later readers see no parameters instead of an exception.
 */
@WebListener
public class EarlyParameters implements ServletRequestListener {

  static final String UNDECODABLE = "parvis.parameters.undecodable";
  private static final Logger LOG = Logger.getLogger(EarlyParameters.class.getName());

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    var request = event.getServletRequest();
    try {
      request.getParameterMap();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "undecodable request parameters", e);
      request.setAttribute(UNDECODABLE, e);
    }
  }
}
