package org.parvis.network.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.follow.control.Notifications;
import org.parvis.network.member.boundary.CurrentMember;
import org.parvis.network.member.control.Members;
import org.parvis.network.privacy.control.Consents;
import org.parvis.network.privacy.control.MemberArchives;
import org.parvis.network.ranking.control.Leaderboards;

/**
 * The member's privacy centre: what they agreed to and when (the ledger), the switches to withdraw
 * or give again each optional consent in one click, their data to download, their account to
 * delete.
 */
@Named
@RequestScoped
public class PrivacyCentrePage {

  @Inject FacesContext faces;
  @Inject CurrentMember current;
  @Inject Members members;
  @Inject Consents consents;
  @Inject Notifications notifications;
  @Inject Leaderboards leaderboards;
  @Inject PageMessages messages;
  @Inject MemberArchives archives;

  private List<Consents.Line> ledger;
  private Optional<MemberArchives.Archive> archive;

  /** The member's latest archive, if any: its progress while it is built, then its link. */
  public MemberArchives.Archive getArchive() {
    if (archive == null) {
      archive = members.confirmed(current.handle()).flatMap(m -> archives.latest(m.id()));
    }
    return archive.orElse(null);
  }

  public boolean downloadable(MemberArchives.Archive archive) {
    return archive != null && archive.downloadable(Instant.now());
  }

  /** Queues the archive and starts the job that builds it; the page then shows its progress. */
  public String prepareArchive() {
    var member = members.confirmed(current.handle());
    if (member.isEmpty()) {
      return null;
    }
    var queued = archives.queue(member.get().id(), Instant.now());
    if (queued.isEmpty()) {
      messages.error("archive.too-often");
      return null;
    }
    if (archives.latest(member.get().id()).map(a -> "QUEUED".equals(a.status())).orElse(false)) {
      archives.start(queued.get());
    }
    return done("archive.queued");
  }

  public List<Consents.Line> getLedger() {
    if (ledger == null) {
      ledger =
          members.confirmed(current.handle()).map(m -> consents.ledger(m.id())).orElse(List.of());
    }
    return ledger;
  }

  public boolean isEmails() {
    return notifications.frequency(current.handle()) != Notifications.Frequency.NONE;
  }

  public boolean isRanked() {
    return members.confirmed(current.handle()).map(m -> m.inRankings()).orElse(false);
  }

  public String emails(boolean on) {
    notifications.setFrequency(current.handle(), on ? "DAILY" : "NONE");
    return done(on ? "privacy.emails.on" : "privacy.emails.off");
  }

  public String rankings(boolean in) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    leaderboards.setInRankings(current.handle(), in, Clients.address(request));
    return done(in ? "privacy.rankings.on" : "privacy.rankings.off");
  }

  private String done(String key) {
    messages.info(key);
    messages.keepForNextPage();
    return "/compte/vie-privee.xhtml?faces-redirect=true";
  }
}
