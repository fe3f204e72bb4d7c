package casemail.http.portal;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The one customer a portal session is for, set when a valid link is followed. */
public final class PortalSession {

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

  /** The portal's customer; routes behind the portal's session check may rely on it. */
  static long current(RoutingContext ctx) {
    return customerId(ctx).orElseThrow(() -> new IllegalStateException("No portal session"));
  }

  /** The customer's language (nl, en, de, fr), or en without a portal session. */
  public static String language(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getString("language")).orElse("en");
  }

  private static Optional<JsonObject> portal(RoutingContext ctx) {
    return ctx.session() == null ? Optional.empty()
        : Optional.ofNullable(ctx.session().<JsonObject>get(KEY));
  }
}
