package org.parvis.console.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
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

/** Administrators list staff accounts and create new ones. */
@Named
@RequestScoped
public class StaffAccountsPage {

  static final int PAGE_SIZE = 50;

  @Inject FacesContext faces;
  @Inject SecurityContext security;
  @Inject StaffDirectory directory;
  @Inject PageMessages messages;

  private int page;
  private List<StaffMember> members;
  private String username;
  private String displayName;
  private String email;
  private List<String> roles = new ArrayList<>();

  public List<StaffMember> getMembers() {
    if (members == null) {
      members = directory.list(page * PAGE_SIZE, PAGE_SIZE + 1);
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

  public void setDisabled(String member, boolean disabled) {
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
