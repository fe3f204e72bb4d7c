package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.PlainText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /dev/mailbox}: the emails the embedded capture mailbox received, for trying Casemail
 * without an SMTP server. Each email's HTML is shown in a sandboxed frame exactly as sent, so
 * its button and tracking pixel work as they would in a mail client. For admins only.
 *
 * <p>LIMITATION: the capture mailbox keeps every email Casemail sent, whatever the
 * administration, so an admin of one administration sees the others' emails here. It runs
 * only when no SMTP server is configured: for trying Casemail, not for several tenants.
 */
public final class DevMailboxRoutes {

  /** The email's own inline styles are allowed; no script; images (the pixel) load. */
  private static final String EMAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "img-src * data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

  private final Bus bus;
  private final Pages pages;

  public DevMailboxRoutes(Bus bus, Pages pages) {
    this.bus = bus;
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/dev/mailbox").handler(this::list);
    router.get("/dev/mailbox/:index").handler(this::show);
    router.get("/dev/mailbox/:index/html").handler(this::html);
    router.get("/dev/mailbox/:index/raw").handler(this::raw);
  }

  private void list(RoutingContext ctx) {
    var formats = new Formats(StaffSession.words(ctx).locale(), "Europe/Amsterdam");
    bus.request(Addresses.DEV_MAILBOX_LIST, new JsonObject())
        .onSuccess(list -> {
          list.getJsonArray("items").forEach(item -> ((JsonObject) item)
              .put("date", formats.dateTime(((JsonObject) item).getString("date"))));
          pages.render(ctx, "staff/mailbox", list
              .put(Pages.TITLE_KEY, "mailbox.title")
              .put("empty", list.getJsonArray("items").isEmpty()));
        })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    email(ctx).onSuccess(email -> pages.render(ctx, "staff/mailbox-email", email
            .put("title", email.getString("subject"))
            .put("headerList", headerList(email.getJsonObject("headers")))))
        .onFailure(ctx::fail);
  }

  private void html(RoutingContext ctx) {
    email(ctx).onSuccess(email -> ctx.response()
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Content-Security-Policy", EMAIL_POLICY)
            .putHeader("X-Frame-Options", "SAMEORIGIN")
            .end(inFrame(email)))
        .onFailure(ctx::fail);
  }

  private void raw(RoutingContext ctx) {
    email(ctx).onSuccess(email -> ctx.response()
            .putHeader("Content-Type", "text/plain; charset=utf-8")
            .end(email.getString("raw")))
        .onFailure(ctx::fail);
  }

  /**
   * The email's HTML part, its links opening in the whole window as a mail client would; a
   * text-only email (a reply notification) as its text.
   */
  private static String inFrame(JsonObject email) {
    var html = email.getString("html");
    if (html == null) {
      var text = email.getString("text", "");
      return "<!doctype html><pre style=\"white-space: pre-wrap\">"
          + PlainText.escape(text) + "</pre>";
    }
    return html.replaceFirst("(?i)<head>", "<head><base target=\"_top\">");
  }

  private Future<JsonObject> email(RoutingContext ctx) {
    int index;
    try {
      index = Integer.parseInt(ctx.pathParam("index"));
    } catch (NumberFormatException e) {
      return Future.failedFuture(BusFailure.notFound("Email"));
    }
    return bus.request(Addresses.DEV_MAILBOX_GET, new JsonObject().put("index", index))
        .map(email -> email.put("index", index));
  }

  private static JsonArray headerList(JsonObject headers) {
    var list = new JsonArray();
    headers.forEach(entry -> list.add(new JsonObject()
        .put("name", entry.getKey()).put("value", String.valueOf(entry.getValue()))));
    return list;
  }
}
