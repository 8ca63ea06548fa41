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
import org.parvis.network.initiative.control.Initiatives.Filter;
import org.parvis.network.initiative.control.Participation;
import org.parvis.network.official.control.OfficialRegistry;
import org.parvis.network.territory.control.TerritoryDirectory;
import org.parvis.network.territory.entity.Territory;

/** A territory in JSON: its latest initiatives, officials and most active members. */
@Path("territoires")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Territories")
public class TerritoriesResource {

  @Inject TerritoryDirectory territories;
  @Inject Initiatives initiatives;
  @Inject OfficialRegistry officials;
  @Inject Participation participation;

  /** What the territory page shows. */
  public record TerritoryDetail(
      Territory territory,
      List<Initiatives.Summary> initiatives,
      List<Officials.Mandate> officials,
      List<Participation.Contributor> mostActive) {}

  @GET
  @Path("{kind}/{code}")
  @Operation(summary = "A commune (INSEE code), département, région, or NATIONAL/FR.")
  @APIResponse(responseCode = "404", description = "Unknown territory")
  public TerritoryDetail one(@PathParam("kind") String kind, @PathParam("code") String code) {
    var territory = territories.resolve(kind, code).orElseThrow(NotFoundException::new);
    return new TerritoryDetail(
        territory,
        initiatives
            .list(new Filter(territory.kind(), territory.code(), null, null, "active", null), 0)
            .items(),
        officials.ofTerritory(territory),
        participation.mostActive(territory, 10));
  }
}
