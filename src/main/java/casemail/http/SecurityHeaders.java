package casemail.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response but the pixel's: a Content-Security-Policy that allows no inline
 * script or style, framing denied, no MIME sniffing, no referrer leaving the site, and no
 * caching of pages that hold a customer's affairs (static files set their own caching).
 * Portal pages send no referrer at all, so a portal link never travels onward.
 */
public final class SecurityHeaders {

  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private SecurityHeaders() {
  }

  public static Handler<RoutingContext> all() {
    return ctx -> {
      var referrer = ctx.normalizedPath().startsWith("/portal") ? "no-referrer" : "same-origin";
      ctx.response().headers()
          .set("Content-Security-Policy", POLICY)
          .set("X-Frame-Options", "DENY")
          .set("X-Content-Type-Options", "nosniff")
          .set("Referrer-Policy", referrer);
      if (!ctx.normalizedPath().startsWith("/static/")) {
        ctx.response().headers().set("Cache-Control", "no-store");
      }
      ctx.next();
    };
  }
}
