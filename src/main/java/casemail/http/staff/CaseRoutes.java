package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Flash;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.MessageCursor;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The case pages — customer, invoice, matter — with their facts and timeline. A message that
 * went out by no email shows a fresh portal link, for staff to hand to the customer.
 */
public final class CaseRoutes {

  /** Timeline entries a case page shows at a time; older ones are a link away. */
  static final int TIMELINE_PAGE = 50;

  /** The one-time notice after a message was sent from the composer. */
  static final String SENT = "case.sent";
  /** The one-time notice after a message was sent again. */
  static final String RESENT = "case.resent";
  /** The one-time notice after a message was stored that no email carries. */
  static final String PORTAL_ONLY = "case.portalOnly";

  private final Bus bus;
  private final Pages pages;
  private final PortalLinks links;
  private final String baseUrl;

  public CaseRoutes(Bus bus, Pages pages, PortalLinks links, String baseUrl) {
    this.bus = bus;
    this.pages = pages;
    this.links = links;
    this.baseUrl = baseUrl;
  }

  public void mount(Router router) {
    for (var type : new String[] {"customer", "invoice", "matter"}) {
      router.get("/" + type + "s/:id").handler(ctx -> show(ctx, type));
    }
  }

  private void show(RoutingContext ctx, String type) {
    var user = StaffSession.current(ctx);
    var request = caseRequest(ctx, type);
    var before = ctx.request().getParam("before");
    var cursor = MessageCursor.decode(before);
    var page = request.copy().put("limit", TIMELINE_PAGE).put("cursor", before);
    Future.all(
            bus.request(Addresses.CASE_GET, request),
            bus.request(Addresses.TIMELINE_GET, page),
            administration(bus, user.administrationId()),
            mandates(type, request),
            bounces(request))
        .onSuccess(all -> {
          JsonObject found = all.resultAt(0);
          JsonObject timeline = all.resultAt(1);
          JsonObject administration = all.resultAt(2);
          JsonArray mandates = all.<JsonObject>resultAt(3).getJsonArray("items");
          var formats = new Formats(StaffSession.words(ctx).locale(),
              administration.getString("time_zone"));
          var now = Instant.now();
          var entries = new TimelineView(StaffSession.words(ctx), formats,
              id -> links.url(baseUrl, UUID.fromString(id), now), links.validityDays())
              .entries(timeline.getJsonArray("items"), type);
          var mandateView = new MandateView(formats);
          var next = timeline.getString("next");
          var path = ctx.request().path();
          var model = new CaseView(formats).of(found)
              .put("timeline", mandateView.merged(entries, mandates,
                  cursor == null ? null : cursor.createdAt(),
                  next == null ? null : MessageCursor.decode(next).createdAt()))
              .put("olderUrl", next == null ? null : path + "?before=" + next)
              .put("newestUrl", cursor == null ? null : path)
              .put("pagePath", cursor == null ? path : path + "?before=" + before)
              .put("directDebit", mandateView.facts(mandates))
              .put("sent", Flash.take(ctx, SENT))
              .put("resent", Flash.take(ctx, RESENT))
              .put("portalOnly", Flash.take(ctx, PORTAL_ONLY))
              .put("cleared", "1".equals(ctx.request().getParam("cleared")))
              .put("bounces", bounceViews(all.resultAt(4), formats));
          pages.render(ctx, "staff/case", model);
        })
        .onFailure(ctx::fail);
  }

  /** A customer's direct-debit mandates; other cases show them on their customer's page. */
  private Future<JsonObject> mandates(String type, JsonObject request) {
    if (!"customer".equals(type)) {
      return Future.succeededFuture(new JsonObject().put("items", new JsonArray()));
    }
    return bus.request(Addresses.MANDATE_LIST, new JsonObject()
        .put("administration_id", request.getLong("administration_id"))
        .put("customer_id", request.getLong("id")));
  }

  /** A customer's bouncing addresses; none shown on other case pages. */
  private Future<JsonObject> bounces(JsonObject request) {
    if (!"customer".equals(request.getString("type"))) {
      return Future.succeededFuture(new JsonObject().put("items", new JsonArray()));
    }
    return bus.request(Addresses.BOUNCE_LIST, new JsonObject()
        .put("administration_id", request.getLong("administration_id"))
        .put("customer_id", request.getLong("id")));
  }

  private static JsonArray bounceViews(JsonObject bounces, Formats formats) {
    var views = new JsonArray();
    bounces.getJsonArray("items").forEach(item -> views.add(((JsonObject) item).copy()
        .put("since", formats.dateTime(((JsonObject) item).getString("since")))));
    return views;
  }

  /** The bus request naming this case in the user's administration; 404 for a bad id. */
  static JsonObject caseRequest(RoutingContext ctx, String type) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw BusFailure.notFound(type);
    }
    return new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("type", type)
        .put("id", id);
  }

  static Future<JsonObject> administration(Bus bus, long administrationId) {
    return bus.request(Addresses.ADMINISTRATION_GET,
        new JsonObject().put("administration_id", administrationId));
  }
}
