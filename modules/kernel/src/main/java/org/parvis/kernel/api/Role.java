package org.parvis.kernel.api;

/** Staff roles of the administrators' console. Members of the network are not staff. */
public enum Role {
  EDITOR,
  MODERATOR,
  ADMINISTRATOR,
  DATA_PROTECTION_OFFICER;

  /** The group name used by Jakarta Security and in {@code @RolesAllowed}. */
  public String group() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
