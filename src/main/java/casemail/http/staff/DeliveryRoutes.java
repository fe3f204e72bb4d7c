package casemail.http.staff;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.http.Flash;
import casemail.http.Pages;
import casemail.http.StaffSession;
import casemail.message.AddressList;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the timeline's ⋯ menu and the customer's bouncing addresses lead to: <b>Resend</b> (a
 * new delivery of the message, to the same or edited addresses), <b>View email</b> (the email
 * as built when it was sent) and clearing a bouncing address.
 */
public final class DeliveryRoutes {

  /** The framed email: its inline styles, no script, no images (a view is not an open). */
  private static final String EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
  /** A case page, also one of its older timeline pages ({@code ?before=} a cursor). */
  private static final Pattern CASE_PATH =
      Pattern.compile("/(customers|invoices|matters)/\\d+(\\?before=[A-Za-z0-9_-]+)?");

  private final Bus bus;
  private final Pages pages;

  public DeliveryRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    for (var type : new String[] {"customer", "invoice", "matter"}) {
      var base = "/" + type + "s/:id";
      router.post(base + "/messages/:messageId/resend").handler(this::resend);
      router.get(base + "/deliveries/:deliveryId/email").handler(this::show);
      router.get(base + "/deliveries/:deliveryId/email/html").handler(this::html);
      router.get(base + "/deliveries/:deliveryId/email/raw").handler(this::raw);
    }
    router.post("/customers/:id/bounces/clear").handler(this::clearBounce);
  }

  private void resend(RoutingContext ctx) {
    var typed = ctx.request().getFormAttribute("to");
    var to = AddressList.parse(typed);
    var back = back(ctx);
    var messageId = ctx.pathParam("messageId");
    if (!to.isValid()) {
      refuseResend(ctx, back, typed, to.problem(StaffSession.words(ctx)));
      return;
    }
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("message_id", messageId)
        .put("id", deliveryId(ctx))
        .put("to", to.valid().isEmpty() ? null : new JsonArray(to.valid()));
    bus.request(Addresses.DELIVERY_RESEND, request)
        .onSuccess(delivery -> {
          Flash.set(ctx, CaseRoutes.RESENT);
          ctx.redirect(back + "#message-" + messageId);
        })
        .onFailure(failure -> {
          var known = BusFailure.from(failure);
          if (known.code() == 422 && known.fields().containsKey("to")) {
            refuseResend(ctx, back, typed, known.fields().getString("to"));
          } else {
            ctx.fail(known);
          }
        });
  }

  /** The resend form again, on a page of its own, with what was typed and what is wrong. */
  private void refuseResend(RoutingContext ctx, String back, String typed, String problem) {
    pages.render(ctx, 422, "staff/resend", new JsonObject()
        .put(Pages.TITLE_KEY, "entry.resend")
        .put("action", ctx.normalizedPath())
        .put("back", back)
        .put("to", typed)
        .put("deliveryId", deliveryId(ctx))
        .put("problem", problem));
  }

  /** The id the form was shown with, for its delivery; a new one if it came without. */
  private static String deliveryId(RoutingContext ctx) {
    var given = ctx.request().getFormAttribute("delivery_id");
    try {
      return UUID.fromString(given).toString();
    } catch (IllegalArgumentException | NullPointerException e) {
      return UUID.randomUUID().toString();
    }
  }

  private void show(RoutingContext ctx) {
    email(ctx).onSuccess(email -> {
      var path = ctx.normalizedPath();
      pages.render(ctx, "staff/email", new JsonObject()
          .put("title", email.getString("subject"))
          .put("subject", email.getString("subject"))
          .put("back", path.substring(0, path.indexOf("/deliveries/")))
          .put("rendered", email.getBoolean("rendered"))
          .put("frameUrl", path + "/html")
          .put("rawUrl", path + "/raw")
          .put("raw", email.getString("raw"))
          .put("text", email.getString("text")));
    }).onFailure(ctx::fail);
  }

  private void html(RoutingContext ctx) {
    email(ctx).onSuccess(email -> ctx.response()
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Content-Security-Policy", EMAIL_POLICY)
            .putHeader("X-Frame-Options", "SAMEORIGIN")
            .end(email.getString("html", "")))
        .onFailure(ctx::fail);
  }

  private void raw(RoutingContext ctx) {
    email(ctx).onSuccess(email -> ctx.response()
            .putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("Content-Disposition", "inline; filename=\"email.eml\"")
            .end(email.getString("raw")))
        .onFailure(ctx::fail);
  }

  /** The delivery's email, built by the mailing side from what was kept when it was sent. */
  private Future<JsonObject> email(RoutingContext ctx) {
    var request = new JsonObject()
        .put("administration_id", StaffSession.current(ctx).administrationId())
        .put("id", ctx.pathParam("deliveryId"));
    return bus.request(Addresses.DELIVERY_EMAIL, request)
        .compose(delivery -> bus.request(Addresses.EMAIL_RENDER, delivery)
            .map(email -> email
                .put("subject", delivery.getString("subject"))
                .put("rendered", delivery.getBoolean("rendered"))));
  }

  /** Clears a bouncing address of a customer of the administration; 404 for any other. */
  private void clearBounce(RoutingContext ctx) {
    var customer = CaseRoutes.caseRequest(ctx, "customer");
    var request = new JsonObject()
        .put("administration_id", customer.getLong("administration_id"))
        .put("customer_id", customer.getLong("id"))
        .put("address", String.valueOf(ctx.request().getFormAttribute("address")));
    bus.request(Addresses.CASE_GET, customer)
        .compose(found -> bus.request(Addresses.BOUNCE_CLEAR, request))
        .onSuccess(cleared -> ctx.redirect("/customers/" + customer.getLong("id")
            + "?cleared=" + cleared.getInteger("cleared")))
        .onFailure(ctx::fail);
  }

  /** Where to go after a resend: the case page it came from, else the message's own case. */
  private static String back(RoutingContext ctx) {
    var back = ctx.request().getFormAttribute("back");
    if (back != null && CASE_PATH.matcher(back).matches()) {
      return back;
    }
    var path = ctx.normalizedPath();
    return path.substring(0, path.indexOf("/messages/"));
  }
}
