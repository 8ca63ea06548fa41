package org.parvis.privacy.api;

/**
 * The two sides whose data never mix. A person known on both sides is two unlinked records; every
 * privacy operation runs side by side, one transaction per database.
 */
public enum DataSide {
  /** The party's brand site: newsletter, events, contacts, staff. Database {@code jdbc/brand}. */
  BRAND,
  /** The citizen network and its moderation. Database {@code jdbc/network}. */
  NETWORK
}
