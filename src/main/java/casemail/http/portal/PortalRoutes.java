package casemail.http.portal;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.message.Words;
import casemail.security.PortalLinks;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * The customer's portal. A signed link from an email opens a portal session for that one
 * customer; every page after that reads only that customer's data. An altered or expired link
 * shows a page explaining how to get a new one, and nothing of the customer.
 */
public final class PortalRoutes {

  private final Bus bus;
  private final Pages pages;
  private final PortalLinks links;

  public PortalRoutes(Bus bus, Pages pages, PortalLinks links) {
    this.bus = bus;
    this.pages = pages;
    this.links = links;
  }

  public void mount(Router router) {
    router.get("/portal/l/:token").handler(this::enter);
    router.get("/portal").handler(this::overview);
    router.get("/portal/messages/:id").handler(this::message);
  }

  private void enter(RoutingContext ctx) {
    var link = links.verify(ctx.pathParam("token"), Instant.now());
    if (link.isEmpty()) {
      refuse(ctx, "invalid", null);
      return;
    }
    var messageId = link.get().messageId().toString();
    bus.request(Addresses.PORTAL_LINK_RESOLVE, new JsonObject().put("message_id", messageId))
        .onSuccess(owner -> {
          if (link.get().expired()) {
            refuse(ctx, "expired", owner);
          } else {
            PortalSession.open(ctx, owner);
            ctx.redirect("/portal/messages/" + messageId);
          }
        })
        .onFailure(failure -> refuse(ctx, "invalid", null));
  }

  private void overview(RoutingContext ctx) {
    var customerId = PortalSession.customerId(ctx);
    if (customerId.isEmpty()) {
      refuse(ctx, "invalid", null);
      return;
    }
    bus.request(Addresses.PORTAL_OVERVIEW, new JsonObject().put("customer_id", customerId.get()))
        .onSuccess(data -> pages.render(ctx, "portal/overview", new PortalView(data).overview()))
        .onFailure(ctx::fail);
  }

  private void message(RoutingContext ctx) {
    var customerId = PortalSession.customerId(ctx);
    if (customerId.isEmpty()) {
      refuse(ctx, "invalid", null);
      return;
    }
    var request = new JsonObject()
        .put("customer_id", customerId.get())
        .put("message_id", ctx.pathParam("id"));
    bus.request(Addresses.PORTAL_MESSAGE, request)
        .onSuccess(data -> pages.render(ctx, "portal/message", new PortalView(data).message()))
        .onFailure(failure -> notFound(ctx, BusFailure.from(failure)));
  }

  private void notFound(RoutingContext ctx, BusFailure failure) {
    if (failure.code() != 404) {
      ctx.fail(failure);
      return;
    }
    var words = Words.of(PortalSession.language(ctx));
    pages.render(ctx, 404, "portal/problem", new JsonObject()
        .put("lang", words.language())
        .put("title", words.get("portal.notfound.title"))
        .put("text", words.get("portal.notfound.text"))
        .put("back", words.get("portal.back")));
  }

  /** An altered, expired or missing link: say how to get a new one, show nothing else. */
  private void refuse(RoutingContext ctx, String reason, JsonObject owner) {
    var words = Words.of(owner == null ? "en" : owner.getString("language"));
    var administration = owner == null ? "" : owner.getString("administration_name");
    pages.render(ctx, 403, "portal/problem", new JsonObject()
        .put("lang", words.language())
        .put("title", words.get("portal." + reason + ".title"))
        .put("text", words.get("portal." + reason + ".text", administration)));
  }

  /** Formats used on portal pages: the customer's language, the administration's zone. */
  static Formats formats(JsonObject data) {
    var words = Words.of(data.getJsonObject("customer").getString("language"));
    return new Formats(words.locale(), data.getJsonObject("administration")
        .getString("time_zone"));
  }
}
