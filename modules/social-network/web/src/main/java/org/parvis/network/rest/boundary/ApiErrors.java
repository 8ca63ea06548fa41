package org.parvis.network.rest.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every refusal of the API in JSON ({@code {"status":400,"error":"…"}}), never the container's HTML
 * page. A query parameter that cannot be converted ({@code page=abc}) is the client's mistake: 400,
 * where JAX-RS would say 404.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

  /** The body of an error answer. */
  public record ApiError(int status, String error) {}

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
        .entity(new ApiError(status, error))
        .build();
  }
}
