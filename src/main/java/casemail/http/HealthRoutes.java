package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * {@code /health} answers 200 once the service is up (the HTTP verticle starts last, after the
 * others are ready); {@code /ready} also asks the database (through the persistence verticle)
 * and the SMTP server (through the mailing verticle); {@code /metrics} is the Prometheus text
 * of the service's meters.
 */
public final class HealthRoutes {

  private static final long PING_TIMEOUT_MS = 5_000;

  private final Bus bus;
  private final PrometheusMeterRegistry registry;

  public HealthRoutes(Bus bus, PrometheusMeterRegistry registry) {
    this.bus = bus;
    this.registry = registry;
  }

  public void mount(Router router) {
    router.get("/health").handler(ctx -> status(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
  }

  private void ready(RoutingContext ctx) {
    var database = ping(Addresses.DATABASE_PING);
    var smtp = ping(Addresses.SMTP_PING);
    Future.join(database, smtp).onComplete(done -> {
      var ready = database.succeeded() && smtp.succeeded();
      var body = new JsonObject()
          .put("status", ready ? "READY" : "NOT_READY")
          .put("database", database.succeeded() ? "UP" : "DOWN")
          .put("smtp", smtp.succeeded() ? "UP" : "DOWN");
      status(ctx, ready ? 200 : 503, body);
    });
  }

  private Future<JsonObject> ping(String address) {
    return bus.request(address, new JsonObject(), PING_TIMEOUT_MS);
  }

  private static void status(RoutingContext ctx, int code, JsonObject body) {
    ctx.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
