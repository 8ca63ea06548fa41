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

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    String error =
        Response.Status.fromStatusCode(status) == null
            ? "error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    if (exception.getClass().getName().endsWith("QueryParamException")) {
      status = 400;
      error = "invalid query parameter";
    } else if (exception.getMessage() != null && status == 400) {
      error = exception.getMessage();
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, error))
        .build();
  }
}
