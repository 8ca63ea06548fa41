package org.parvis.network.rest.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The network's read API in JSON under /reseau/api: initiatives, territories, public profiles. Its
 * OpenAPI description is served by Payara at /openapi.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Parvis network API",
            version = "1",
            description =
                "Public initiatives, territories and member profiles of a Parvis citizen network."
                    + " Reading needs no account; signing needs a signed-in session and the"
                    + " X-Requested-With header.",
            license = @License(name = "AGPL-3.0")))
public class NetworkApi extends Application {

  /**
   * No WADL: OPTIONS and /application.wadl would describe the API with the name and version of
   * Jersey (the OpenAPI document at /openapi describes it without).
   */
  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
