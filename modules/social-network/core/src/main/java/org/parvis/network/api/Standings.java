package org.parvis.network.api;

import java.util.List;

/**
 * Where the network is most alive, for the console: the most active départements, members and
 * officials over a period ({@code week}, {@code month} or {@code all}). Members who left public
 * rankings are left out here too.
 */
public interface Standings {

  Activity mostActive(String period);

  /** The three lists; points as defined by the network's ranking rules. */
  record Activity(List<Place> territories, List<Person> members, List<Official> officials) {}

  record Place(String code, String name, long points) {}

  record Person(String handle, String displayName, long points) {}

  record Official(
      String handle, String displayName, long routed, long answered, Long medianHours) {}
}
