package casemail.http.portal;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Downloads;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Attachments of the portal customer's messages, as downloads. The persistence side looks the
 * id up only among that customer's messages, so another customer's attachment answers exactly
 * as an unknown one: 404.
 */
public final class PortalAttachmentRoutes {

  private final Bus bus;
  private final Downloads downloads;

  public PortalAttachmentRoutes(Bus bus, Downloads downloads) {
    this.bus = bus;
    this.downloads = downloads;
  }

  public void mount(Router router) {
    router.get("/portal/attachments/:id").handler(this::download);
  }

  /** Behind the portal's session check ({@link PortalRoutes}). */
  private void download(RoutingContext ctx) {
    var request = new JsonObject()
        .put("customer_id", PortalSession.current(ctx))
        .put("id", ctx.pathParam("id"));
    bus.request(Addresses.PORTAL_ATTACHMENT, request)
        .onSuccess(attachment -> downloads.send(ctx, attachment))
        .onFailure(ctx::fail);
  }
}
