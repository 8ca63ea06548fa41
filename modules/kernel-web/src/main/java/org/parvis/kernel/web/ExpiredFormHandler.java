package org.parvis.kernel.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A form posted with an unknown or expired view state (session timed out, or a forged cross-site
 * request) changes nothing and gets 400 with a page that says to reload the form, instead of a
 * server error; so does a form with a file field posted without multipart encoding.
 */
public class ExpiredFormHandler extends ExceptionHandlerFactory {

  public ExpiredFormHandler(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      var events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        ExceptionQueuedEvent event = events.next();
        if (isExpiredView(event.getContext().getException())
            || isUploadFormNotMultipart(event.getContext().getException())) {
          events.remove();
          var faces = FacesContext.getCurrentInstance();
          try {
            faces.getExternalContext().responseSendError(400, "expired form");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }

    /**
     * A form with a file field posted without multipart encoding (a crafted request; browsers
     * always send such forms as multipart): Faces cannot read its parts and throws while decoding.
     */
    private static boolean isUploadFormNotMultipart(Throwable exception) {
      var external = FacesContext.getCurrentInstance().getExternalContext();
      String type = external.getRequestContentType();
      if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
        return false;
      }
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof jakarta.servlet.ServletException) {
          return true;
        }
      }
      return false;
    }

    private static boolean isExpiredView(Throwable exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof ViewExpiredException) {
          return true;
        }
      }
      return false;
    }
  }
}
