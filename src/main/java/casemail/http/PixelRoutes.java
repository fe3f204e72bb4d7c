package casemail.http;

import casemail.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * {@code GET|HEAD /o/{token}.gif}: answers at once, from memory, with a 43-byte transparent GIF
 * that no cache keeps — for any token, known or not. A well-formed token is handed to the
 * tracking verticle over the event bus; the request never waits on the database.
 */
public final class PixelRoutes {

  static final Buffer GIF = Buffer.buffer(Base64.getDecoder().decode(
      "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="));
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final String LENGTH = String.valueOf(GIF.length());

  private final EventBus eventBus;

  public PixelRoutes(Vertx vertx) {
    this.eventBus = vertx.eventBus();
  }

  public void mount(Router router) {
    router.route(HttpMethod.GET, "/o/:file").handler(this::pixel);
    router.route(HttpMethod.HEAD, "/o/:file").handler(this::pixel);
  }

  private void pixel(RoutingContext ctx) {
    var file = ctx.pathParam("file");
    if (file.endsWith(".gif")) {
      var token = file.substring(0, file.length() - 4);
      if (TOKEN.matcher(token).matches() && ctx.request().method() == HttpMethod.GET) {
        eventBus.send(Addresses.OPEN_SEEN, new JsonObject()
            .put("token", token)
            .put("at", Instant.now().toString())
            .put("user_agent", ctx.request().getHeader("User-Agent"))
            .put("purpose", purpose(ctx)));
      }
    }
    ctx.response()
        .putHeader("Content-Type", "image/gif")
        .putHeader("Cache-Control", "no-store, max-age=0")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Length", LENGTH);
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().end();
    } else {
      ctx.response().end(GIF);
    }
  }

  private static String purpose(RoutingContext ctx) {
    var purpose = ctx.request().getHeader("Purpose");
    if (purpose == null) {
      purpose = ctx.request().getHeader("Sec-Purpose");
    }
    return purpose == null ? ctx.request().getHeader("X-Moz") : purpose;
  }
}
