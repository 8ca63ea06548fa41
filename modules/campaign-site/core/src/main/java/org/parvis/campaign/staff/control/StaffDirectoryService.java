package org.parvis.campaign.staff.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parvis.campaign.api.StaffDirectory;
import org.parvis.campaign.staff.entity.SecurityEvent;
import org.parvis.campaign.staff.entity.SecurityEvent.Kind;
import org.parvis.campaign.staff.entity.StaffAccount;
import org.parvis.kernel.api.Role;
import org.parvis.kernel.api.security.EmailAddress;
import org.parvis.kernel.api.security.OneTimeCodes;
import org.parvis.kernel.api.security.PasswordHash;
import org.parvis.kernel.api.sql.Rows;

/** Staff accounts managed by administrators. */
@ApplicationScoped
@Transactional
public class StaffDirectoryService implements StaffDirectory {

  static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "brand")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Override
  public List<StaffMember> list(Filter filter, int first, int size) {
    var query =
        em.createQuery(
            "SELECT a FROM StaffAccount a" + where(filter) + " ORDER BY a.username",
            StaffAccount.class);
    bind(query, filter);
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
        .getResultStream()
        .map(
            a ->
                new StaffMember(
                    a.username(),
                    a.displayName(),
                    a.roles(),
                    a.lastSignInAt(),
                    a.isDisabled(),
                    a.hasTwoFactor()))
        .toList();
  }

  @Override
  public long count(Filter filter) {
    var query = em.createQuery("SELECT COUNT(a) FROM StaffAccount a" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  /**
   * The JPQL conditions of a filter (its values bound by {@link #bind}). Roles are stored as their
   * sorted names separated by commas: a role is looked for between commas, so that no name matches
   * inside another.
   */
  private static String where(Filter filter) {
    var conditions = new java.util.ArrayList<String>();
    if (Rows.containing(filter.search()) != null) {
      conditions.add("(LOWER(a.username) LIKE :search OR LOWER(a.displayName) LIKE :search)");
    }
    if (filter.role() != null) {
      conditions.add("CONCAT(',', a.roles, ',') LIKE :role");
    }
    switch (filter.state()) {
      case ACTIVE -> conditions.add("a.disabledAt IS NULL");
      case DISABLED -> conditions.add("a.disabledAt IS NOT NULL");
      case ALL -> {}
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(jakarta.persistence.TypedQuery<?> query, Filter filter) {
    if (Rows.containing(filter.search()) != null) {
      query.setParameter("search", Rows.containing(filter.search()));
    }
    if (filter.role() != null) {
      query.setParameter("role", "%," + filter.role().name() + ",%");
    }
  }

  @Override
  @Transactional
  public Optional<String> setDisabled(
      String administrator, String username, boolean disabled, String address) {
    return onAnotherAccount(
        administrator,
        username,
        address,
        account -> {
          if (disabled) {
            account.disable(clock.instant());
            return Kind.ACCOUNT_DISABLED;
          }
          account.enable();
          return Kind.ACCOUNT_ENABLED;
        });
  }

  @Override
  @Transactional
  public Optional<String> resetSecondFactor(String administrator, String username, String address) {
    return onAnotherAccount(
        administrator,
        username,
        address,
        account -> {
          account.twoFactor().reset();
          account.endSessionsBefore(clock.instant());
          return Kind.SECOND_FACTOR_RESET;
        });
  }

  @Override
  @Transactional
  public Optional<String> changeRoles(
      String administrator, String username, Set<Role> roles, String address) {
    if (roles == null || roles.isEmpty()) {
      return Optional.of("roles.required");
    }
    return onAnotherAccount(
        administrator,
        username,
        address,
        account -> {
          account.changeRoles(roles);
          return Kind.ROLES_CHANGED;
        });
  }

  /**
   * An administrator's action on someone else's account, logged in that account's security log.
   *
   * @return empty when done, otherwise the message key of the problem
   */
  private Optional<String> onAnotherAccount(
      String administrator,
      String username,
      String address,
      java.util.function.Function<StaffAccount, Kind> action) {
    if (!isAdministrator(administrator)) {
      return Optional.of("staff.notAllowed");
    }
    String name = StaffAccount.normalize(username);
    if (name.equals(StaffAccount.normalize(administrator))) {
      return Optional.of("staff.notYourself");
    }
    var account = find(name);
    if (account.isEmpty()) {
      return Optional.of("staff.unknown");
    }
    Kind kind = action.apply(account.get());
    em.persist(
        new SecurityEvent(
            clock.instant(), name, kind, address, "by " + StaffAccount.normalize(administrator)));
    return Optional.empty();
  }

  /** The pages are closed to non-administrators; the rule is checked here too. */
  private boolean isAdministrator(String username) {
    return find(StaffAccount.normalize(username))
        .filter(a -> !a.isDisabled())
        .filter(a -> a.roles().contains(Role.ADMINISTRATOR))
        .isPresent();
  }

  private Optional<StaffAccount> find(String username) {
    return em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  @Transactional
  public Creation create(
      String administrator,
      String username,
      String displayName,
      String email,
      Set<Role> roles,
      String address) {
    if (!isAdministrator(administrator)) {
      return Creation.refused("staff.notAllowed");
    }
    String name = StaffAccount.normalize(username);
    if (!StaffAccount.USERNAME.matcher(name).matches()) {
      return Creation.refused("username.invalid");
    }
    if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
      return Creation.refused("displayName.invalid");
    }
    if (!EmailAddress.valid(EmailAddress.normalize(email))) {
      return Creation.refused("email.invalid");
    }
    if (roles == null || roles.isEmpty()) {
      return Creation.refused("roles.required");
    }
    if (find(name).isPresent()) {
      return Creation.refused("username.taken");
    }
    String oneTimePassword = OneTimeCodes.of(OneTimeCodes.LOWER);
    var account =
        new StaffAccount(
            name,
            displayName,
            email,
            PasswordHash.hash(oneTimePassword.toCharArray()),
            roles,
            clock.instant());
    account.requirePasswordChange();
    em.persist(account);
    em.persist(
        new SecurityEvent(
            clock.instant(),
            name,
            Kind.ACCOUNT_CREATED,
            address,
            "by " + StaffAccount.normalize(administrator)));
    return Creation.created(oneTimePassword);
  }
}
