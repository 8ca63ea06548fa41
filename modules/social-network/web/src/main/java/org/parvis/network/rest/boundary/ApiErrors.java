package org.parvis.network.rest.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every refusal of the API in one JSON shape ({@code {"status":409,"error":"Conflict",
 * "problem":"initiative.closed"}}: the HTTP status, its reason or Parvis's own message, and, for a
 * refused action, the stable key of the problem), never the container's HTML page. A query
 * parameter that cannot be converted ({@code page=abc}) is the client's mistake: 400, where JAX-RS
 * would say 404.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

  /** The body of an error answer; {@code problem} (a message key) only for a refused action. */
  public record ApiError(int status, String error, String problem) {

    /** A refused action: its status and the key of the problem. */
    public static ApiError of(Response.Status status, String problem) {
      return new ApiError(status.getStatusCode(), status.getReasonPhrase(), problem);
    }
  }

  /** A refusal whose message is written for the API's users (safe to show as it is). */
  public static class Refused extends jakarta.ws.rs.BadRequestException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    var reason = Response.Status.fromStatusCode(status);
    String error = reason == null ? "error" : reason.getReasonPhrase();
    if (exception.getClass().getName().endsWith("QueryParamException")) {
      status = 400;
      error = "invalid query parameter";
    } else if (exception instanceof Refused) {
      error = exception.getMessage();
    }
    // The original answer's headers (Allow, Location, WWW-Authenticate…) are kept.
    return Response.fromResponse(exception.getResponse())
        .status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, error, null))
        .build();
  }
}
