package org.parvis.campaign.console.boundary;

import jakarta.faces.context.FacesContext;

/** The row an editor's page is about: its {@code id} parameter (address or hidden field). */
final class EditedRow {

  private EditedRow() {}

  /** The id, or null for a new row (absent or not a number). */
  static Long id(FacesContext faces) {
    try {
      return Long.valueOf(
          String.valueOf(faces.getExternalContext().getRequestParameterMap().get("id")));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
