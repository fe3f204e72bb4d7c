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

/** The overviews of customers, invoices and matters: find a case by its number and open it. */
public final class OverviewRoutes {

  private static final int PAGE_SIZE = 50;

  private final Bus bus;
  private final Pages pages;

  public OverviewRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/customers").handler(ctx -> list(ctx, "customer", "Customers"));
    router.get("/invoices").handler(ctx -> list(ctx, "invoice", "Invoices"));
    router.get("/matters").handler(ctx -> list(ctx, "matter", "Matters"));
  }

  private void list(RoutingContext ctx, String type, String title) {
    var user = StaffSession.current(ctx);
    var key = "matter".equals(type) ? "reference" : "number";
    var search = blankToNull(ctx.request().getParam("q"));
    var request = new JsonObject()
        .put("administration_id", user.administrationId())
        .put("type", type)
        .put("filter", new JsonObject().put(key, search))
        .put("cursor", blankToNull(ctx.request().getParam("after")))
        .put("limit", PAGE_SIZE);
    bus.request(Addresses.CASE_LIST, request)
        .onSuccess(page -> pages.render(ctx, "staff/overview", new JsonObject()
            .put("title", title)
            .put("path", "/" + type + "s")
            .put("q", search)
            .put(type, true)
            .put("rows", rows(type, page.getJsonArray("items")))
            .put("next", page.getString("next"))))
        .onFailure(ctx::fail);
  }

  private static JsonArray rows(String type, JsonArray items) {
    var view = new CaseView(new Formats(CaseRoutes.STAFF_LOCALE, "Europe/Amsterdam"));
    var rows = new JsonArray();
    items.forEach(item -> {
      var row = (JsonObject) item;
      rows.add(switch (type) {
        case "invoice" -> view.invoice(row);
        case "customer" -> view.customer(row);
        default -> row.copy().put("url", "/matters/" + row.getLong("id"));
      });
    });
    return rows;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
