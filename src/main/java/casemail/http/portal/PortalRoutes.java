package casemail.http.portal;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.http.Flash;
import casemail.http.Formats;
import casemail.http.Pages;
import casemail.http.UploadForm;
import casemail.message.AttachmentStore;
import casemail.message.Words;
import casemail.security.PortalLinks;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The customer's portal. A signed link from an email opens a portal session for that one
 * customer; every page after that reads only that customer's data, and another customer's
 * message answers exactly like one that does not exist. An altered or expired link shows a
 * page explaining how to get a new one, and nothing of the customer. Replies carry text and
 * files, read by {@link UploadForm} within the composer's limits.
 */
public final class PortalRoutes {

  /** Every portal path but the links themselves needs a portal session. */
  private static final String SESSION_PATHS = "^/portal(?!/l/)(/.*)?$";
  private static final Pattern REPLY_PATHS = Pattern.compile("^/portal/messages/[^/]+/replies$");
  private static final String REPLIED = "portal.replied";

  private final Bus bus;
  private final Pages pages;
  private final PortalLinks links;
  private final AttachmentStore store;
  private final boolean https;

  /** {@code https}: whether the base URL is, so that the portal's cookie is sent only so. */
  public PortalRoutes(Bus bus, Pages pages, PortalLinks links, AttachmentStore store,
      boolean https) {
    this.bus = bus;
    this.pages = pages;
    this.links = links;
    this.store = store;
    this.https = https;
  }

  /** Reads replies with files, only within a portal session. */
  public static UploadForm uploads(Vertx vertx, AttachmentStore store) {
    return new UploadForm(vertx, store, REPLY_PATHS,
        ctx -> PortalSession.customerId(ctx).isPresent());
  }

  public void mount(Router router) {
    router.get("/portal/l/:token").handler(this::enter);
    router.route().pathRegex(SESSION_PATHS).handler(this::requireSession);
    router.post().pathRegex(SESSION_PATHS).handler(this::refuseStaffPreview);
    router.get("/portal").handler(this::overview);
    router.get("/portal/messages/:id").handler(this::message);
    router.post("/portal/messages/:id/replies").handler(this::reply);
    new DirectDebitRoutes(bus, pages).mount(router);
  }

  private void enter(RoutingContext ctx) {
    var link = links.verify(ctx.pathParam("token"), Instant.now());
    if (link.isEmpty()) {
      refuse(ctx, "invalid", null);
      return;
    }
    var messageId = link.get().messageId().toString();
    bus.request(Addresses.PORTAL_LINK_RESOLVE, new JsonObject().put("message_id", messageId))
        .onSuccess(owner -> {
          if (link.get().expired()) {
            refuse(ctx, "expired", owner);
          } else {
            PortalSession.open(ctx, owner, https);
            ctx.redirect("/portal/messages/" + messageId);
          }
        })
        .onFailure(failure -> refuse(ctx, "invalid", null));
  }

  private void requireSession(RoutingContext ctx) {
    if (PortalSession.customerId(ctx).isPresent()) {
      ctx.next();
    } else {
      pages.render(ctx, 403, "portal/problem",
          PortalPages.problem(Words.of(PortalSession.language(ctx)), "session"));
    }
  }

  /** Staff looking at a customer's portal see it, but never reply or act for the customer. */
  private void refuseStaffPreview(RoutingContext ctx) {
    if (PortalSession.staffPreview(ctx)) {
      pages.render(ctx, 403, "portal/problem",
          PortalPages.problem(Words.of(PortalSession.language(ctx)), "staff_preview"));
    } else {
      ctx.next();
    }
  }

  private void overview(RoutingContext ctx) {
    var request = new JsonObject().put("customer_id", PortalSession.current(ctx));
    bus.request(Addresses.PORTAL_OVERVIEW, request)
        .onSuccess(data -> pages.render(ctx, "portal/overview", new PortalView(data).overview()))
        .onFailure(ctx::fail);
  }

  private void message(RoutingContext ctx) {
    show(ctx, 200, ReplyForm.empty(), Flash.take(ctx, REPLIED),
        !PortalSession.staffPreview(ctx));
  }

  private void reply(RoutingContext ctx) {
    var files = UploadForm.received(ctx);
    var form = ReplyForm.check(ctx.request().getFormAttribute("reply_id"),
        ctx.request().getFormAttribute("body"), files);
    if (!form.isValid()) {
      show(ctx, form.status(), form, false, false);
      return;
    }
    var request = new JsonObject()
        .put("customer_id", PortalSession.current(ctx))
        .put("message_id", ctx.pathParam("id"))
        .put("id", form.id())
        .put("body", form.text())
        .put("attachments", files.json());
    files.keepIn(store)
        .compose(kept -> bus.request(Addresses.PORTAL_REPLY, request))
        .onSuccess(reply -> {
          Flash.set(ctx, REPLIED);
          ctx.redirect("/portal/messages/" + reply.getString("in_reply_to")
              + "#reply-" + reply.getString("id"));
        })
        .onFailure(ctx::fail);
  }

  /** The message page: the message, the customer's replies, and the reply form. */
  private void show(RoutingContext ctx, int status, ReplyForm form, boolean replied,
      boolean recordView) {
    var request = new JsonObject()
        .put("customer_id", PortalSession.current(ctx))
        .put("message_id", ctx.pathParam("id"))
        .put("record_view", recordView);
    bus.request(Addresses.PORTAL_MESSAGE, request)
        .onSuccess(data -> pages.render(ctx, status, "portal/message",
            new PortalView(data).message(form, replied)
                .put("staffPreview", PortalSession.staffPreview(ctx))))
        .onFailure(ctx::fail);
  }

  /** An altered, expired or missing link: say how to get a new one, show nothing else. */
  private void refuse(RoutingContext ctx, String reason, JsonObject owner) {
    var words = Words.of(owner == null ? PortalSession.language(ctx)
        : owner.getString("language"));
    var administration = owner == null ? "" : owner.getString("administration_name");
    pages.render(ctx, 403, "portal/problem", PortalPages.problem(words, reason, administration));
  }

  /** Formats used on portal pages: the customer's language, the administration's zone. */
  static Formats formats(JsonObject data) {
    var words = Words.of(data.getJsonObject("customer").getString("language"));
    return new Formats(words.locale(), data.getJsonObject("administration")
        .getString("time_zone"));
  }
}
