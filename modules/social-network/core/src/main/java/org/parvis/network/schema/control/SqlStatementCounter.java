package org.parvis.network.schema.control;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/** EclipseLink's hook before each SQL call of the network unit: see {@link SqlStatements}. */
public class SqlStatementCounter extends SessionEventAdapter {

  @Override
  public void preExecuteCall(SessionEvent event) {
    SqlStatements.counted();
  }
}
