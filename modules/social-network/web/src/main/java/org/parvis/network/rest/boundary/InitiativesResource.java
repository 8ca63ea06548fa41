package org.parvis.network.rest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.initiative.control.Petitions;

/** Initiatives in JSON: lists with the same filters as the pages, one initiative, signing. */
@Path("initiatives")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Initiatives")
public class InitiativesResource {

  @Inject Initiatives initiatives;
  @Inject Petitions petitions;
  @Inject OfficialRouting routing;

  @GET
  @Operation(summary = "A page of initiatives, 20 at a time, filtered and sorted.")
  public Initiatives.Page list(
      @Parameter(description = "COMMUNE, DEPARTEMENT, REGION or NATIONAL") @QueryParam("territoire")
          String kind,
      @Parameter(description = "INSEE, département or région code") @QueryParam("code") String code,
      @Parameter(description = "ENVIRONMENT, TRANSPORT, HOUSING…") @QueryParam("theme")
          String theme,
      @Parameter(description = "open (default), achieved, closed or all") @QueryParam("statut")
          String status,
      @Parameter(description = "new (default), signed, active, hot, top or near") @QueryParam("tri")
          String sort,
      @Parameter(description = "words searched in titles and descriptions") @QueryParam("q")
          String words,
      @Parameter(description = "for top: week, month or all (default)") @QueryParam("periode")
          String period,
      @Parameter(description = "for near: the INSEE code of the reader's commune")
          @QueryParam("pres")
          String near,
      @QueryParam("page") @DefaultValue("0") int page) {
    var filter = new Filter(kind, code, theme, status, sort, words, period, near);
    if (!filter.unknown().isEmpty() || page < 0) {
      throw new ApiErrors.Refused(
          "unknown value of " + String.join(", ", page < 0 ? List.of("page") : filter.unknown()));
    }
    return initiatives.list(filter, page);
  }

  /** One initiative with its exact counts, counter-initiatives and officials' answers. */
  public record Detail(
      Initiatives.View initiative,
      long signatures,
      long joiners,
      List<Initiatives.Summary> counterInitiatives,
      List<OfficialRouting.Answer> answers) {}

  @GET
  @Path("{id}")
  @Operation(summary = "One published initiative.")
  @APIResponse(responseCode = "404", description = "Unknown or unpublished")
  public Detail one(@PathParam("id") long id) {
    var view = initiatives.view(id, null).orElseThrow(NotFoundException::new);
    var counts = petitions.counts(id, null);
    return new Detail(
        view, counts.signatures(), counts.joiners(), initiatives.counters(id), routing.answers(id));
  }

  @POST
  @Path("{id}/signature")
  @Operation(
      summary = "Signs the initiative for the signed-in member (idempotent).",
      description =
          "Needs the session cookie of a signed-in member and the header X-Requested-With (a"
              + " cross-site page cannot send it: protection against forged requests).")
  @APIResponse(responseCode = "204", description = "Signed")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Header X-Requested-With missing")
  @APIResponse(responseCode = "404", description = "Unknown or unpublished initiative")
  @APIResponse(responseCode = "409", description = "The initiative is not open")
  public Response sign(
      @PathParam("id") long id,
      @HeaderParam("X-Requested-With") String requestedWith,
      @Context SecurityContext security) {
    return act(id, false, requestedWith, security, caller -> petitions.sign(caller, id));
  }

  @DELETE
  @Path("{id}/signature")
  @Operation(summary = "Withdraws the signed-in member's signature while the initiative is open.")
  @APIResponse(responseCode = "204", description = "Withdrawn (or was not signed)")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Header X-Requested-With missing")
  @APIResponse(responseCode = "404", description = "Unknown or unpublished initiative")
  @APIResponse(responseCode = "409", description = "The initiative is not open")
  public Response withdraw(
      @PathParam("id") long id,
      @HeaderParam("X-Requested-With") String requestedWith,
      @Context SecurityContext security) {
    return act(id, true, requestedWith, security, caller -> petitions.withdraw(caller, id));
  }

  /**
   * Runs a member's action on an initiative on behalf of the caller (their handle): 404 when no
   * published initiative has this id, 409 when the action is refused (e.g. it is closed). The
   * initiative is looked up before the action only when {@code lookFirst}: signing, the hottest
   * write of all, looks it up only when refused.
   */
  private Response act(
      long id,
      boolean lookFirst,
      String requestedWith,
      SecurityContext security,
      Function<String, Optional<String>> action) {
    if (requestedWith == null || requestedWith.isBlank()) {
      return problem(Response.Status.FORBIDDEN, "csrf.header.missing");
    }
    var principal = security.getUserPrincipal();
    if (principal == null) {
      return problem(Response.Status.UNAUTHORIZED, "initiative.member.unknown");
    }
    if (lookFirst && initiatives.view(id, null).isEmpty()) {
      return problem(Response.Status.NOT_FOUND, "initiative.unknown");
    }
    var problem = action.apply(principal.getName());
    if (problem.isEmpty()) {
      return Response.noContent().build();
    }
    return "initiative.unknown".equals(problem.get()) || initiatives.view(id, null).isEmpty()
        ? problem(Response.Status.NOT_FOUND, "initiative.unknown")
        : problem(Response.Status.CONFLICT, problem.get());
  }

  static Response problem(Response.Status status, String key) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ApiErrors.ApiError.of(status, key))
        .build();
  }
}
