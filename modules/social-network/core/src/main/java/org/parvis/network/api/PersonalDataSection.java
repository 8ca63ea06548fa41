package org.parvis.network.api;

import java.util.List;
import java.util.Map;

/**
 * What another module keeps about a member on the network database (moderation: reports they filed,
 * appeals, sanctions), for the member's export: implemented by that module as a CDI bean, read by
 * the network through this interface only.
 */
public interface PersonalDataSection {

  /** The member's rows, by category name (e.g. "reportsFiled"), as named values. */
  Map<String, List<Map<String, Object>>> of(long memberId);
}
