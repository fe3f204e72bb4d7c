package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Pages;
import casemail.http.StaffSession;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The overviews of customers, invoices and matters: search, filters, sortable columns and
 * keyset pages, a checkbox per row, "select all on this page" and "select all N matching".
 * Everything is a GET of the page, so it works without JavaScript; the selection travels in
 * the page's form. <b>Send messages</b> opens the bulk composer with it.
 */
public final class OverviewRoutes {

  static final int PAGE_SIZE = 50;

  private final Bus bus;
  private final Pages pages;

  public OverviewRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    for (var type : new String[] {"customer", "invoice", "matter"}) {
      router.get("/" + type + "s").handler(ctx -> list(ctx, type));
    }
  }

  private void list(RoutingContext ctx, String type) {
    OverviewForm form;
    try {
      form = OverviewForm.read(type, ctx.request().params());
    } catch (BusFailure badInput) {
      refuse(ctx, type, badInput);
      return;
    }
    show(ctx, form, 200, null);
  }

  /** The overview for {@code form}, with {@code problem} (or null) shown above the list. */
  void show(RoutingContext ctx, OverviewForm form, int status, String problem) {
    page(ctx, form)
        .map(page -> new OverviewView(StaffSession.words(ctx).locale()).of(form, page)
            .put("problem", problem))
        .onSuccess(model -> pages.render(ctx, status, "staff/overview", model))
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 400) {
            refuse(ctx, form.type(), known);
          } else {
            ctx.fail(failure);
          }
        });
  }

  private Future<JsonObject> page(RoutingContext ctx, OverviewForm form) {
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("type", form.type())
        .put("filter", form.filter().toJson())
        .put("order", form.order().toJson())
        .put("cursor", form.cursor())
        .put("limit", PAGE_SIZE)
        .put("with_total", true);
    return bus.request(Addresses.CASE_LIST, request);
  }

  /** The search form again with what was typed and the problems named, and no list. */
  private void refuse(RoutingContext ctx, String type, BusFailure problem) {
    var given = new JsonObject();
    ctx.request().params().forEach(entry -> given.put(entry.getKey(), entry.getValue()));
    var view = new OverviewView(StaffSession.words(ctx).locale());
    pages.render(ctx, 400, "staff/overview", view.refused(type, given, problem.fields())
        .put("problem", problem.getMessage()));
  }
}
