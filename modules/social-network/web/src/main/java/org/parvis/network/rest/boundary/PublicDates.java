package org.parvis.network.rest.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Dates in the public API are days ({@code 2026-11-02}), never instants: a join date to the
 * microsecond, next to a commune, is enough to single a person out.
 */
@Provider
public class PublicDates implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withDateFormat("yyyy-MM-dd", Locale.ROOT));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
