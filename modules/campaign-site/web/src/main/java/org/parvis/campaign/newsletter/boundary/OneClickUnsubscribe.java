package org.parvis.campaign.newsletter.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.parvis.campaign.newsletter.control.Newsletter;

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs to the address in the mail's
 * List-Unsubscribe header and the subscriber is out, without a page or a cookie. A GET (a person
 * who copied the address, or a link scanner) only leads to the manage page, where leaving is one
 * button: scanners that open links never unsubscribe anyone.
 */
@WebServlet("/lettre/desinscription")
public class OneClickUnsubscribe extends HttpServlet {

  @Inject Newsletter newsletter;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String token = request.getParameter("jeton");
    if (token == null || !newsletter.unsubscribe(token, Instant.now())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("OK");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(
        request.getContextPath()
            + "/lettre/gerer.xhtml?jeton="
            + URLEncoder.encode(
                String.valueOf(request.getParameter("jeton")), StandardCharsets.UTF_8));
  }
}
