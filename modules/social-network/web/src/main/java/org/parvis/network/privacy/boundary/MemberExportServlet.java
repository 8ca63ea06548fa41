package org.parvis.network.privacy.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.Members;
import org.parvis.network.privacy.control.MemberArchives;

/**
 * A signed-in member downloads the archive of all their data that the background job prepared
 * ({@code donnees.json} and {@code index.html}), while it has not expired. Anyone else, or an
 * expired archive: 404.
 */
@WebServlet("/compte/mes-donnees.zip")
public class MemberExportServlet extends HttpServlet {

  @Inject CurrentMember current;
  @Inject Members members;
  @Inject MemberArchives archives;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var member =
        current.isSignedIn()
            ? members.confirmed(current.handle())
            : java.util.Optional.<org.parvis.network.member.entity.MemberAccount>empty();
    if (member.isEmpty()) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    long id;
    try {
      id = Long.parseLong(String.valueOf(request.getParameter("archive")));
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var zip = archives.content(id, member.get().id(), Instant.now());
    if (zip.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"mes-donnees-reseau.zip\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(zip.get().length);
    response.getOutputStream().write(zip.get());
  }
}
