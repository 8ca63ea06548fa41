package org.parvis.console.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.parvis.kernel.api.ModuleDatabase;

/**
 * Part of /health: UP only when every module's database part (brand, network, moderation) is
 * migrated and answers now. Each part appears in the data with its reason when it is down.
 */
@Readiness
@ApplicationScoped
public class DatabasesHealth implements HealthCheck {

  @Inject @Any Instance<ModuleDatabase> databases;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("databases");
    boolean allUp = true;
    int count = 0;
    for (ModuleDatabase database : databases) {
      var status = database.schema().status();
      response.withData(status.database(), status.up() ? "UP" : "DOWN: " + status.detail());
      allUp &= status.up();
      count++;
    }
    // Without any database part the deployment is broken: never report that as healthy.
    return response.status(allUp && count > 0).build();
  }
}
