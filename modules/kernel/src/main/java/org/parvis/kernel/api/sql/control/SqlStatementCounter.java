package org.parvis.kernel.api.sql.control;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * EclipseLink's hook before each SQL call of a persistence unit (every unit names it): see {@link
 * SqlStatements}.
 */
public class SqlStatementCounter extends SessionEventAdapter {

  @Override
  public void preExecuteCall(SessionEvent event) {
    SqlStatements.counted();
  }
}
