package casemail.http.portal;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Pages;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Direct debit in the portal: the customer authorises a mandate (account holder, a valid IBAN,
 * consent) and may revoke it later. Always the portal customer's own mandate: no id is taken
 * from the request. A refused form comes back with each problem at its field and all typed.
 */
final class DirectDebitRoutes {

  private static final String PATH = "/portal/direct-debit";

  private final Bus bus;
  private final Pages pages;

  DirectDebitRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(PATH).handler(this::show);
    router.post(PATH).handler(this::authorise);
    router.post(PATH + "/revoke").handler(this::revoke);
  }

  private void show(RoutingContext ctx) {
    var notice = ctx.request().getParam("done");
    render(ctx, 200, MandateForm.empty(), "authorised".equals(notice) || "revoked".equals(notice)
        ? notice : null);
  }

  private void authorise(RoutingContext ctx) {
    var form = MandateForm.check(ctx.request().formAttributes());
    if (!form.isValid()) {
      render(ctx, 422, form, null);
      return;
    }
    var request = form.mandate().put("customer_id", PortalSession.current(ctx));
    bus.request(Addresses.MANDATE_AUTHORISE, request)
        .onSuccess(mandate -> ctx.redirect(PATH + "?done=authorised"))
        .onFailure(failure -> {
          if (BusFailure.from(failure).code() == 409) {
            render(ctx, 409, MandateForm.empty(), "already");
          } else {
            ctx.fail(failure);
          }
        });
  }

  private void revoke(RoutingContext ctx) {
    var request = new JsonObject().put("customer_id", PortalSession.current(ctx));
    bus.request(Addresses.MANDATE_REVOKE, request)
        .onSuccess(mandate -> ctx.redirect(PATH + "?done=revoked"))
        .onFailure(ctx::fail);
  }

  private void render(RoutingContext ctx, int status, MandateForm form, String notice) {
    var request = new JsonObject().put("customer_id", PortalSession.current(ctx));
    bus.request(Addresses.PORTAL_DIRECT_DEBIT, request)
        .onSuccess(data -> pages.render(ctx, status, "portal/direct-debit",
            new DirectDebitView(new PortalView(data)).of(data.getJsonObject("mandate"), form,
                notice)))
        .onFailure(ctx::fail);
  }
}
