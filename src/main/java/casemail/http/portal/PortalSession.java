package casemail.http.portal;

import casemail.http.Csrf;
import casemail.http.StaffSession;
import casemail.message.Words;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The one customer a portal session is for, set when a valid link is followed. The customer's
 * language also stays in a cookie of its own (a language, nothing of the customer), so the
 * page met after the session ended still speaks it.
 */
public final class PortalSession {

  private static final String KEY = "portal";
  private static final String LANGUAGE_COOKIE = "casemail_portal_language";
  private static final long LANGUAGE_COOKIE_SECONDS = Duration.ofDays(400).toSeconds();

  private PortalSession() {
  }

  /**
   * Opens the session for the link's customer. A link followed by signed-in staff (from the
   * timeline, the dev mailbox or a message's text) opens a staff preview: the pages are the
   * customer's, but what staff look at is not recorded as the customer's view.
   */
  static void open(RoutingContext ctx, JsonObject owner, boolean https) {
    var byStaff = StaffSession.user(ctx).isPresent();
    ctx.session().regenerateId();
    Csrf.renew(ctx);
    ctx.session().put(KEY, new JsonObject()
        .put("customer_id", owner.getLong("customer_id"))
        .put("language", owner.getString("language"))
        .put("staff_preview", byStaff));
    var language = Words.of(owner.getString("language")).language();
    ctx.response().addCookie(Cookie.cookie(LANGUAGE_COOKIE, language)
        .setPath("/portal")
        .setMaxAge(LANGUAGE_COOKIE_SECONDS)
        .setHttpOnly(true)
        .setSecure(https)
        .setSameSite(CookieSameSite.LAX));
  }

  /** Whether signed-in staff opened this session: their views are not the customer's. */
  static boolean staffPreview(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getBoolean("staff_preview", false)).orElse(false);
  }

  static Optional<Long> customerId(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getLong("customer_id"));
  }

  /** The portal's customer; routes behind the portal's session check may rely on it. */
  static long current(RoutingContext ctx) {
    return customerId(ctx).orElseThrow(() -> new IllegalStateException("No portal session"));
  }

  /**
   * The customer's language (nl, en, de, fr): the session's, else the one remembered from the
   * last link followed in this browser, else en.
   */
  public static String language(RoutingContext ctx) {
    return portal(ctx).map(portal -> portal.getString("language")).orElseGet(() -> {
      var remembered = ctx.request().getCookie(LANGUAGE_COOKIE);
      return Words.of(remembered == null ? "en" : remembered.getValue()).language();
    });
  }

  private static Optional<JsonObject> portal(RoutingContext ctx) {
    return ctx.session() == null ? Optional.empty()
        : Optional.ofNullable(ctx.session().<JsonObject>get(KEY));
  }
}
