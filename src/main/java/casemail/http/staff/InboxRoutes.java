package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The inbox: the administration's messages, newest first. */
public final class InboxRoutes {

  private static final int PAGE_SIZE = 100;

  private final Bus bus;
  private final Pages pages;

  public InboxRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/inbox").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    var user = StaffSession.current(ctx);
    var request = new JsonObject()
        .put("administration_id", user.administrationId())
        .put("limit", PAGE_SIZE);
    CaseRoutes.administration(bus, user.administrationId())
        .compose(administration -> bus.request(Addresses.INBOX_LIST, request)
            .map(inbox -> rows(inbox.getJsonArray("items"),
                new Formats(CaseRoutes.STAFF_LOCALE, administration.getString("time_zone")))))
        .onSuccess(rows -> pages.render(ctx, "staff/inbox", new JsonObject()
            .put("title", "Inbox")
            .put("messages", rows)
            .put("empty", rows.isEmpty())))
        .onFailure(ctx::fail);
  }

  private static JsonArray rows(JsonArray messages, Formats formats) {
    var rows = new JsonArray();
    messages.forEach(item -> {
      var message = (JsonObject) item;
      var caseRef = message.getJsonObject("case");
      var deliveries = message.getJsonArray("deliveries");
      var last = deliveries.isEmpty() ? null : deliveries.getJsonObject(deliveries.size() - 1);
      rows.add(new JsonObject()
          .put("createdAt", formats.dateTime(message.getString("created_at")))
          .put("customer", message.getString("customer_name"))
          .put("caseLabel", caseRef.getString("label"))
          .put("url", "/" + caseRef.getString("type") + "s/" + caseRef.getLong("id")
              + "#message-" + message.getString("id"))
          .put("subject", message.getString("subject"))
          .put("author", message.getString("author_name"))
          .put("status", last == null ? "" : last.getString("status").replace('_', ' ')));
    });
    return rows;
  }
}
