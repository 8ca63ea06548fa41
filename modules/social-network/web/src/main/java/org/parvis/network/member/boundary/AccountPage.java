package org.parvis.network.member.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;
import org.parvis.network.mail.boundary.OutboxDelivery;
import org.parvis.network.member.control.MemberAccounts;
import org.parvis.network.member.control.MemberAccounts.OwnAccount;
import org.parvis.network.member.control.MemberAccounts.SecurityLogEntry;
import org.parvis.network.member.control.MemberSessions;
import org.parvis.network.member.entity.MemberAccount;

/** The signed-in member's own account: details, change of email, security log. */
@Named
@RequestScoped
public class AccountPage {

  static final int LOG_SIZE = 20;

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject MemberAccounts accounts;
  @Inject MemberSessions sessions;
  @Inject PageMessages messages;
  @Inject OutboxDelivery mailRelay;
  @Inject org.parvis.network.ranking.control.Leaderboards leaderboards;

  private OwnAccount account;
  private List<SecurityLogEntry> log;
  private String currentPassword;
  private String newEmail;
  private String gender;

  public OwnAccount getAccount() {
    if (account == null) {
      account = accounts.ownAccount(handle()).orElseThrow();
    }
    return account;
  }

  public List<SecurityLogEntry> getSecurityLog() {
    if (log == null) {
      log = accounts.securityLog(handle(), 0, LOG_SIZE);
    }
    return log;
  }

  public List<MemberSessions.SessionView> getSessions() {
    var session = ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
    Object key = session == null ? null : session.getAttribute(MemberGate.SESSION_KEY);
    return sessions.openSessions(handle(), key instanceof String k ? k : null);
  }

  public String endSession(String sessionId) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    if (sessions.end(handle(), sessionId, Clients.address(request))) {
      messages.info("account.sessions.ended");
      messages.keepForNextPage();
    }
    return "/compte/index.xhtml?faces-redirect=true";
  }

  /** Whether the member appears in public rankings (leaderboards, most active members). */
  public boolean isInRankings() {
    return leaderboards.inRankings(handle());
  }

  /** Leaves public rankings or comes back; logged among the member's security events. */
  public String setRankings(boolean in) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problem = leaderboards.setInRankings(handle(), in, Clients.address(request));
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    messages.info(in ? "account.rankings.joined" : "account.rankings.left");
    messages.keepForNextPage();
    return "/compte/index.xhtml?faces-redirect=true";
  }

  public String changeEmail() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problem =
        accounts.requestEmailChange(
            handle(),
            currentPassword == null ? new char[0] : currentPassword.toCharArray(),
            newEmail,
            Clients.address(request));
    currentPassword = null;
    if (problem.isPresent()) {
      messages.error(problem.get());
      return null;
    }
    mailRelay.soon();
    messages.info("account.email.sent", newEmail.strip());
    messages.keepForNextPage();
    return "/compte/index.xhtml?faces-redirect=true";
  }

  /** How the words naming the member agree (élue, élu, élu·e); their choice, optional. */
  public String getGender() {
    if (gender == null) {
      gender = getAccount().gender().name();
    }
    return gender;
  }

  public void setGender(String gender) {
    this.gender = gender;
  }

  public String saveGender() {
    accounts.setGender(handle(), MemberAccount.Gender.of(gender));
    messages.info("account.gender.saved");
    messages.keepForNextPage();
    return "/compte/index.xhtml?faces-redirect=true";
  }

  private String handle() {
    return security.getCallerPrincipal().getName();
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewEmail() {
    return newEmail;
  }

  public void setNewEmail(String newEmail) {
    this.newEmail = newEmail;
  }
}
