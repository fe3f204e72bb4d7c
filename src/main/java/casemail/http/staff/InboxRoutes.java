package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.InboxQuery;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The inbox: every message of the administration, newest first, filtered (all, sent, replies,
 * unread replies, failed) and searched by customer name, subject and text, in keyset pages.
 * Opening a message from here marks a reply read and shows it on its case's timeline.
 */
public final class InboxRoutes {

  private static final int PAGE_SIZE = 50;

  private final Bus bus;
  private final Pages pages;

  public InboxRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/inbox").handler(this::list);
    router.get("/inbox/messages/:id").handler(this::open);
  }

  private void list(RoutingContext ctx) {
    var user = StaffSession.current(ctx);
    InboxQuery query;
    try {
      query = InboxQuery.of(ctx.request().getParam("filter"), ctx.request().getParam("q"),
          ctx.request().getParam("cursor"), PAGE_SIZE);
    } catch (BusFailure badInput) {
      ctx.fail(badInput);
      return;
    }
    var request = query.toJson().put("administration_id", user.administrationId());
    CaseRoutes.administration(bus, user.administrationId())
        .compose(administration -> bus.request(Addresses.INBOX_LIST, request)
            .map(page -> new InboxView(new Formats(user.words().locale(),
                administration.getString("time_zone"))).of(query, page)))
        .onSuccess(model -> pages.render(ctx, "staff/inbox", model))
        .onFailure(ctx::fail);
  }

  /** Opens a message on its case's timeline; a reply is marked read on the way. */
  private void open(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("id", ctx.pathParam("id"));
    bus.request(Addresses.MESSAGE_READ, request)
        .onSuccess(message -> {
          var caseRef = message.getJsonObject("case");
          ctx.redirect("/" + caseRef.getString("type") + "s/" + caseRef.getLong("id")
              + "#message-" + message.getString("id"));
        })
        .onFailure(ctx::fail);
  }
}
