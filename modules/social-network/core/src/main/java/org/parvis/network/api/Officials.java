package org.parvis.network.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verified elected officials of the network, as staff manage them in the console: a member becomes
 * an official when staff grant a mandate, until its end date or its revocation.
 */
public interface Officials {

  /** Mandates in force, the soonest to end first, at most {@code size} from {@code first}. */
  List<Mandate> list(int first, int size);

  /**
   * Mandates in force matching the filter, in its order, at most {@code size} from {@code first}.
   */
  List<Mandate> list(Filter filter, int first, int size);

  /** How many mandates in force match the filter. */
  long count(Filter filter);

  /**
   * What the console's list shows: words found in the holder's name or handle, the mandate's title
   * or its territory (blank: all), one level of territory (null: all), and an order.
   */
  record Filter(String search, String territoryKind, Order order) {

    public static final Filter ALL = new Filter(null, null, Order.END);
  }

  /** Soonest to end first, by territory name, or by the holder's name. */
  enum Order {
    END,
    TERRITORY,
    NAME
  }

  /**
   * Grants a mandate to the member with {@code handle} on behalf of the staff member {@code
   * grantedBy}. The territory is a commune code (5 characters), a département code, a région code,
   * or empty for a national mandate.
   *
   * @return empty when granted, otherwise the message key of the problem
   */
  Optional<String> grant(
      String grantedBy,
      String handle,
      String title,
      String territoryKind,
      String territoryCode,
      LocalDate endsOn);

  /** Moves the end date of a mandate still in force (re-election). */
  Optional<String> renew(String staff, long mandateId, LocalDate newEnd);

  /** Revokes a mandate: the badge disappears at once. */
  Optional<String> revoke(String staff, long mandateId);

  /** The badges of the given members who hold a mandate in force (for any page showing members). */
  Map<String, List<String>> badges(Collection<String> handles);

  /** A mandate as the console lists it. */
  record Mandate(
      long id,
      String handle,
      String displayName,
      String title,
      String territoryKind,
      String territoryName,
      LocalDate endsOn) {}
}
