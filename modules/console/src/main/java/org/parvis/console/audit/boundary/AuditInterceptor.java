package org.parvis.console.audit.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parvis.kernel.api.audit.AuditSubject;
import org.parvis.kernel.api.audit.AuditTrail;
import org.parvis.kernel.api.audit.Audited;
import org.parvis.kernel.api.web.Clients;

/**
 * Writes each successful {@link Audited} console action to the audit trail of its side. An action
 * that put an error on the page did nothing and is not written; one that threw is not either. The
 * trail never stops an action: a failure to write it is logged as a warning.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

  @Inject @Any Instance<AuditTrail> trails;
  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject AuditSubject subject;

  @AroundInvoke
  Object audit(InvocationContext invocation) throws Exception {
    Object result = invocation.proceed();
    var faces = FacesContext.getCurrentInstance();
    var severity = faces == null ? null : faces.getMaximumSeverity();
    if (severity != null && severity.compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
      return result;
    }
    var audited = invocation.getMethod().getAnnotation(Audited.class);
    if (audited == null) {
      audited = invocation.getMethod().getDeclaringClass().getAnnotation(Audited.class);
    }
    String action = audited.value().isEmpty() ? invocation.getMethod().getName() : audited.value();
    var principal = security.getCallerPrincipal();
    var entry =
        new AuditTrail.Entry(
            Instant.now(),
            principal == null ? "?" : principal.getName(),
            action,
            target(invocation),
            Clients.address(request));
    for (AuditTrail trail : trails) {
      if (trail.side().equals(audited.side())) {
        try {
          trail.record(entry);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Audit trail not written for " + action, e);
        }
      }
    }
    return result;
  }

  /**
   * The action's arguments (ids, kinds), then what the action named as its subject, or the page's
   * id parameter when there is neither.
   */
  private String target(InvocationContext invocation) {
    var parts = new ArrayList<String>();
    for (Object argument : invocation.getParameters()) {
      if (argument instanceof Number || argument instanceof Boolean || argument instanceof String) {
        parts.add(String.valueOf(argument));
      }
    }
    if (!subject.subject().isEmpty()) {
      parts.add(subject.subject());
    }
    if (parts.isEmpty() && request.getParameter("id") != null) {
      parts.add("id=" + request.getParameter("id"));
    }
    return String.join(" ", parts);
  }
}
