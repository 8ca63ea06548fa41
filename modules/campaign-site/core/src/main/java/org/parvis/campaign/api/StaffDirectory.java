package org.parvis.campaign.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parvis.kernel.api.Role;

/** Staff accounts as administrators manage them in the console (brand database). */
public interface StaffDirectory {

  /** Staff members by username, at most {@code size} from {@code first}. */
  default List<StaffMember> list(int first, int size) {
    return list(Filter.ALL, first, size);
  }

  /** Staff members matching the filter, by username, at most {@code size} from {@code first}. */
  List<StaffMember> list(Filter filter, int first, int size);

  /** How many staff accounts match the filter. */
  long count(Filter filter);

  /**
   * What the console's list shows: words found in the username or the display name (blank: all),
   * one role (null: any), and the accounts' state.
   */
  record Filter(String search, Role role, State state) {

    public static final Filter ALL = new Filter(null, null, State.ALL);

    public Filter {
      state = state == null ? State.ALL : state;
    }
  }

  /** Every account, those that may sign in, or those disabled. */
  enum State {
    ALL,
    ACTIVE,
    DISABLED
  }

  /**
   * Creates a staff account on behalf of {@code administrator}, who must hold the administrator
   * role. The account gets a random one-time password, shown once to the administrator, that its
   * holder must replace at the first sign-in.
   */
  Creation create(
      String administrator,
      String username,
      String displayName,
      String email,
      Set<Role> roles,
      String address);

  /**
   * Disables or enables an account on behalf of {@code administrator}; nobody disables their own.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  Optional<String> setDisabled(
      String administrator, String username, boolean disabled, String address);

  /**
   * Turns off the two-factor authentication of someone who lost their authenticator and recovery
   * codes (after checking who they are, outside Parvis): they enrol a new one at their next
   * sign-in. Nobody resets their own.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  Optional<String> resetSecondFactor(String administrator, String username, String address);

  /**
   * Replaces the roles of someone else's account; their open sessions end at their next request, so
   * that a removed role stops at once. Nobody changes their own roles.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  Optional<String> changeRoles(
      String administrator, String username, Set<Role> roles, String address);

  /** One staff member as the list shows them. */
  record StaffMember(
      String username,
      String displayName,
      Set<Role> roles,
      Optional<Instant> lastSignIn,
      boolean disabled,
      boolean twoFactor) {}

  /** The one-time password when created, or the message key of the problem. */
  record Creation(Optional<String> oneTimePassword, Optional<String> problem) {

    public static Creation refused(String problem) {
      return new Creation(Optional.empty(), Optional.of(problem));
    }

    public static Creation created(String oneTimePassword) {
      return new Creation(Optional.of(oneTimePassword), Optional.empty());
    }
  }
}
