package org.parvis.network.rest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parvis.network.api.Officials;
import org.parvis.network.initiative.control.Initiatives;
import org.parvis.network.initiative.control.OfficialRouting;
import org.parvis.network.initiative.control.Participation;
import org.parvis.network.member.control.MemberAccounts;

/** A member's public profile in JSON: never their email. */
@Path("membres")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Members")
public class MembersResource {

  @Inject MemberAccounts accounts;
  @Inject Officials officials;
  @Inject Participation participation;
  @Inject Initiatives initiatives;
  @Inject OfficialRouting routing;

  /** The public profile. */
  public record Profile(
      MemberAccounts.PublicProfile member,
      String participationLevel,
      List<String> mandates,
      OfficialRouting.Responsiveness responsiveness,
      List<Initiatives.Summary> initiatives) {}

  @GET
  @Path("{handle}")
  @Operation(summary = "A member's public profile by handle.")
  @APIResponse(responseCode = "404", description = "Unknown handle")
  public Profile one(@PathParam("handle") String handle) {
    var profile = accounts.profile(handle).orElseThrow(NotFoundException::new);
    var mandates =
        officials.badges(List.of(profile.handle())).getOrDefault(profile.handle(), List.of());
    return new Profile(
        profile,
        participation.level(profile.handle()).name(),
        mandates,
        mandates.isEmpty() ? null : routing.responsiveness(profile.handle()),
        initiatives.ofAuthor(profile.handle(), false, 0, 20));
  }
}
