package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Downloads;
import casemail.http.StaffSession;
import casemail.message.Attachments;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Attachments downloaded from the timeline and the composer, within the user's administration. */
public final class AttachmentRoutes {

  private final Bus bus;
  private final Downloads downloads;

  public AttachmentRoutes(Bus bus, Downloads downloads) {
    this.bus = bus;
    this.downloads = downloads;
  }

  public void mount(Router router) {
    router.get("/attachments/:id").handler(this::download);
  }

  /** Attachments ({@code [{id, filename, size}]}) as pages list them, with their links. */
  static JsonArray views(JsonArray attachments) {
    var views = new JsonArray();
    attachments.forEach(item -> {
      var attachment = (JsonObject) item;
      views.add(new JsonObject()
          .put("id", attachment.getString("id"))
          .put("filename", attachment.getString("filename"))
          .put("sizeText", Attachments.sizeText(attachment.getLong("size")))
          .put("url", "/attachments/" + attachment.getString("id")));
    });
    return views;
  }

  private void download(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("id", ctx.pathParam("id"));
    bus.request(Addresses.ATTACHMENT_GET, request)
        .onSuccess(attachment -> downloads.send(ctx, attachment))
        .onFailure(ctx::fail);
  }
}
