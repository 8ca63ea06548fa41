package org.parvis.network.pages.entity;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.network.api.PublicContentChanged;

/**
 * Tells whoever keeps public pages that a record they show was written (entity listener of the
 * records public pages show; the persistence provider injects it). Never stops the write: a failure
 * to tell is logged.
 */
public class PublicPagesListener {

  private static final Logger LOG = Logger.getLogger(PublicPagesListener.class.getName());

  @Inject Event<PublicContentChanged> changes;

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object record) {
    if (changes == null) {
      return; // outside the container
    }
    try {
      changes.fire(new PublicContentChanged(record.getClass().getSimpleName(), Instant.now()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Public pages not told of a change", e);
    }
  }
}
