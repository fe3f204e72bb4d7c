package casemail.http.api;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.security.Tokens;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer API keys: the key's SHA-256 is looked up, and the request then acts for that key's
 * administration only. A missing or unknown key is a 401.
 */
final class ApiAuth implements Handler<RoutingContext> {

  static final String ADMINISTRATION = "administration";
  private static final String PREFIX = "Bearer ";

  private final Bus bus;

  ApiAuth(Bus bus) {
    this.bus = bus;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith(PREFIX) || header.length() > 200) {
      ctx.fail(new BusFailure(401, "Send an API key as 'Authorization: Bearer <key>'"));
      return;
    }
    var hash = Tokens.sha256(header.substring(PREFIX.length()).strip());
    bus.request(Addresses.API_KEY_FIND, new JsonObject().put("key_hash", hash))
        .onSuccess(administration -> {
          ctx.put(ADMINISTRATION, administration);
          ctx.next();
        })
        .onFailure(failure -> ctx.fail(BusFailure.from(failure).code() == 404
            ? new BusFailure(401, "Unknown API key") : failure));
  }

  static long administrationId(RoutingContext ctx) {
    return ctx.<JsonObject>get(ADMINISTRATION).getLong("administration_id");
  }

  static String timeZone(RoutingContext ctx) {
    return ctx.<JsonObject>get(ADMINISTRATION).getString("time_zone");
  }
}
