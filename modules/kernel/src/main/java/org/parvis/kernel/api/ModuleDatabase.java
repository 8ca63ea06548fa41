package org.parvis.kernel.api;

/**
 * A module's own part of a database (its tables and migration history). Every module that persists
 * anything provides one as a CDI bean, so that startup and health checks can reach them all without
 * knowing the modules.
 */
public interface ModuleDatabase {

  DatabaseSchema schema();
}
