package casemail.http.portal;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The one customer a portal session is for, set when a valid link is followed. */
final class PortalSession {

  private static final String KEY = "portal";

  private PortalSession() {
  }

  static void open(RoutingContext ctx, JsonObject owner) {
    ctx.session().regenerateId();
    ctx.session().put(KEY, new JsonObject()
        .put("customer_id", owner.getLong("customer_id"))
        .put("language", owner.getString("language")));
  }

  static Optional<Long> customerId(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getLong("customer_id"));
  }

  static String language(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getString("language")).orElse("en");
  }

  private static Optional<JsonObject> portal(RoutingContext ctx) {
    return ctx.session() == null ? Optional.empty()
        : Optional.ofNullable(ctx.session().<JsonObject>get(KEY));
  }
}
