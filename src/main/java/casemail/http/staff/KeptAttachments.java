package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.StaffSession;
import casemail.message.AttachmentStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The attachments a composer form keeps when it comes back (refused, previewed): the pending
 * ones it still ticks, and the files uploaded with it, stored as pending attachments.
 */
final class KeptAttachments {

  private final Bus bus;
  private final AttachmentStore store;

  KeptAttachments(Bus bus, AttachmentStore store) {
    this.bus = bus;
    this.store = store;
  }

  /** The attachments the form keeps from now on, those it ticked first. */
  Future<JsonArray> keep(RoutingContext ctx, ComposerForm form) {
    var uploads = form.received().json();
    var stored = uploads.isEmpty() ? Future.succeededFuture(new JsonArray())
        : form.received().keepIn(store).compose(ignored -> bus.request(Addresses.ATTACHMENT_STORE,
                new JsonObject()
                    .put("administration_id", StaffSession.current(ctx).administrationId())
                    .put("items", uploads)))
            .map(reply -> reply.getJsonArray("items"));
    return Future.all(pending(ctx, form.keptIds()), stored)
        .map(all -> all.<JsonArray>resultAt(0).copy().addAll(all.resultAt(1)));
  }

  /** Those of {@code ids} that are still pending attachments of the user's administration. */
  Future<JsonArray> pending(RoutingContext ctx, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("ids", new JsonArray(ids));
    return bus.request(Addresses.ATTACHMENT_PENDING, request)
        .map(reply -> reply.getJsonArray("items"));
  }
}
