package org.parvis.network.territory.entity;

/**
 * A territory something concerns (a commune, a département, a région or the whole country), with
 * the codes of the territories above it so that lists by département or région are one indexed
 * column each. A national territory has no code.
 */
public record Territory(
    String kind,
    String code,
    String name,
    String communeCode,
    String departementCode,
    String regionCode) {

  /** The key members follow it by: COMMUNE:23096, DEPARTEMENT:23, REGION:75, NATIONAL:FR. */
  public String followKey() {
    return kind + ":" + (code == null ? "FR" : code);
  }
}
