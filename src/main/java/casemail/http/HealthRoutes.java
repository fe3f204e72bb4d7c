package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /health} answers 200 once the service is up (the HTTP verticle starts last, after the
 * others are ready); {@code /ready} also asks the database.
 */
public final class HealthRoutes {

  private static final long PING_TIMEOUT_MS = 2_000;

  private final Bus bus;

  public HealthRoutes(Bus bus) {
    this.bus = bus;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> status(ctx, 200, "UP"));
    router.get("/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    bus.request(Addresses.DATABASE_PING, new JsonObject(), PING_TIMEOUT_MS)
        .onSuccess(ok -> status(ctx, 200, "READY"))
        .onFailure(failure -> status(ctx, 503, "DATABASE_UNAVAILABLE"));
  }

  private static void status(RoutingContext ctx, int code, String status) {
    ctx.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("status", status).encode());
  }
}
