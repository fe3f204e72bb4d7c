package casemail.http.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Undoes a second decoding of query values by the OpenAPI validator (vertx-openapi 5.0.x
 * decodes values Vert.x already decoded, so {@code q=100%25} fails and {@code +} turns into a
 * space): each value is re-encoded once before validation, which decodes it back to what the
 * client sent. Handlers read {@code ctx.queryParam}, which is decoded once from the URI.
 */
final class QueryDecoding implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    var params = ctx.request().params();
    for (var name : new ArrayList<>(params.names())) {
      var encoded = params.getAll(name).stream()
          .map(value -> URLEncoder.encode(value, StandardCharsets.UTF_8))
          .toList();
      params.set(name, encoded);
    }
    ctx.next();
  }
}
