package org.parvis.kernel.api.web;

import org.parvis.kernel.api.style.IdentityStorage;

/**
 * Which database's copy of the party's identity a web application shows: each application has one
 * bean implementing this (the brand site and the console the brand's, the network its own).
 */
public interface IdentitySource {

  /** The store this application reads. */
  IdentityStorage store();
}
