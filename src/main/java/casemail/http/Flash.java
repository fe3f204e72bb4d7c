package casemail.http;

import io.vertx.ext.web.RoutingContext;

/**
 * One-time notices kept in the session across a redirect ("your message was sent"): shown by
 * the page the redirect leads to, and gone when that page is reloaded. No script needed.
 */
public final class Flash {

  private static final String PREFIX = "flash.";

  private Flash() {
  }

  /** Remembers a notice for the next page that asks for it. */
  public static void set(RoutingContext ctx, String name) {
    ctx.session().put(PREFIX + name, true);
  }

  /** Whether the notice was set, and forgets it: it shows once. */
  public static boolean take(RoutingContext ctx, String name) {
    return ctx.session() != null && ctx.session().remove(PREFIX + name) != null;
  }
}
