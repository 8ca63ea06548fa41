package org.parvis.network.pages.entity;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.parvis.network.pages.control.PublicChanges;

/**
 * Tells the pages kept for readers that a record they show was written: entity listener of
 * initiatives, comments, answers, mandates and freezes (not members' accounts, written at every
 * sign-in: their public changes are told where they are made).
 */
public class PublicPagesListener {

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object record) {
    PublicChanges.changed();
  }
}
