package org.parvis.console.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.parvis.campaign.api.StaffDirectory;
import org.parvis.campaign.api.StaffDirectory.StaffMember;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.Clients;
import org.parvis.kernel.api.web.PageMessages;

/**
 * Administrators list staff accounts (searched, filtered by role and state, counted and paged, the
 * filter kept in the address) and create new ones. The bean lives as long as the page (view scope):
 * a row's button acts on the account it was shown on.
 */
@Named
@ViewScoped
public class StaffAccountsPage implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE_SIZE = 50;

  /** The states the list is filtered on, as the address names them. */
  private static final java.util.Map<String, StaffDirectory.State> STATES =
      java.util.Map.of(
          "actifs", StaffDirectory.State.ACTIVE, "desactives", StaffDirectory.State.DISABLED);

  @Inject FacesContext faces;
  @Inject org.parvis.kernel.api.audit.AuditSubject subject;
  @Inject SecurityContext security;
  @Inject StaffDirectory directory;
  @Inject PageMessages messages;

  private int page;
  private String search = "";
  private String roleShown = "";
  private String state = "";
  private transient List<StaffMember> members;
  private String username;
  private String displayName;
  private String email;
  private List<String> roles = new ArrayList<>();

  /** The list's filter and page, from the address when the page is opened. */
  @PostConstruct
  void fromRequest() {
    var parameters = faces.getExternalContext().getRequestParameterMap();
    setSearch(parameters.get("q"));
    setRoleShown(parameters.get("role"));
    setState(parameters.get("etat"));
    try {
      setPage(Integer.parseInt(String.valueOf(parameters.get("page"))));
    } catch (NumberFormatException e) {
      setPage(0);
    }
  }

  private StaffDirectory.Filter filter() {
    Role role =
        EnumSet.allOf(Role.class).stream()
            .filter(r -> r.group().equals(roleShown))
            .findFirst()
            .orElse(null);
    return new StaffDirectory.Filter(search, role, STATES.get(state));
  }

  /** How many accounts match the filter. */
  public long getCount() {
    return directory.count(filter());
  }

  /** The filter as the pager's links carry it, encoded ({@code q=…&role=…&etat=…}). */
  public String getFilterQuery() {
    return "q="
        + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)
        + "&role="
        + roleShown
        + "&etat="
        + state;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    String words = search == null ? "" : search.strip();
    this.search = words.length() > 100 ? words.substring(0, 100) : words;
  }

  /** The role the list is filtered on (its group name), "" for any. */
  public String getRoleShown() {
    return roleShown;
  }

  public void setRoleShown(String role) {
    this.roleShown = role != null && getAllRoles().contains(role) ? role : "";
  }

  /** The state the list is filtered on ({@code actifs}, {@code desactives}), "" for all. */
  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state != null && STATES.containsKey(state) ? state : "";
  }

  public List<String> getStates() {
    return List.of("actifs", "desactives");
  }

  public List<StaffMember> getMembers() {
    if (members == null) {
      members = directory.list(filter(), page * PAGE_SIZE, PAGE_SIZE + 1);
    }
    return members.size() > PAGE_SIZE ? members.subList(0, PAGE_SIZE) : members;
  }

  public boolean isNextPage() {
    getMembers();
    return members.size() > PAGE_SIZE;
  }

  public List<String> getAllRoles() {
    return EnumSet.allOf(Role.class).stream().map(Role::group).toList();
  }

  public String roleNames(StaffMember member) {
    return String.join(
        ", ",
        member.roles().stream().map(r -> messages.text("role." + r.group())).sorted().toList());
  }

  @Audited(value = "STAFF_ACCOUNT_CREATED", side = "brand")
  public void create() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var chosen = chosen(roles);
    var creation =
        directory.create(
            security.getCallerPrincipal().getName(),
            username,
            displayName,
            email,
            chosen,
            Clients.address(request));
    if (creation.problem().isPresent()) {
      messages.error(creation.problem().get());
      return;
    }
    subject.about(username);
    messages.info("staff.created", username, creation.oneTimePassword().orElseThrow());
    members = null;
    username = null;
    displayName = null;
    email = null;
    roles = new ArrayList<>();
  }

  /** Replaces the roles of the account named in the role form. */
  @Audited(value = "STAFF_ROLES_CHANGED", side = "brand")
  public void changeRoles() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problem =
        directory.changeRoles(
            security.getCallerPrincipal().getName(),
            roleUsername,
            chosen(newRoles),
            Clients.address(request));
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    subject.about(roleUsername);
    messages.info("staff.rolesChanged", roleUsername);
    members = null;
    roleUsername = null;
    newRoles = new ArrayList<>();
  }

  private static EnumSet<Role> chosen(List<String> groups) {
    var chosen = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (groups.contains(role.group())) {
        chosen.add(role);
      }
    }
    return chosen;
  }

  private String roleUsername;
  private List<String> newRoles = new ArrayList<>();

  public String getRoleUsername() {
    return roleUsername;
  }

  public void setRoleUsername(String roleUsername) {
    this.roleUsername = roleUsername;
  }

  public List<String> getNewRoles() {
    return newRoles;
  }

  public void setNewRoles(List<String> newRoles) {
    this.newRoles = newRoles == null ? new ArrayList<>() : new ArrayList<>(newRoles);
  }

  /** Disables someone else's account: they cannot sign in and their sessions end. */
  @Audited(value = "STAFF_ACCOUNT_DISABLED", side = "brand")
  public void disable(String member) {
    setDisabled(member, true);
  }

  /** Enables a disabled account again. */
  @Audited(value = "STAFF_ACCOUNT_ENABLED", side = "brand")
  public void enable(String member) {
    setDisabled(member, false);
  }

  private void setDisabled(String member, boolean disabled) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problem =
        directory.setDisabled(
            security.getCallerPrincipal().getName(), member, disabled, Clients.address(request));
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info(disabled ? "staff.disabled" : "staff.enabled", member);
    members = null;
  }

  @Audited(value = "STAFF_SECOND_FACTOR_RESET", side = "brand")
  public void resetSecondFactor(String member) {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var problem =
        directory.resetSecondFactor(
            security.getCallerPrincipal().getName(), member, Clients.address(request));
    if (problem.isPresent()) {
      messages.error(problem.get());
      return;
    }
    messages.info("staff.twoFactor.resetDone", member);
    members = null;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(0, Math.min(page, 10_000));
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }
}
