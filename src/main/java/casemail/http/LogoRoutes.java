package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /logo/:administration/:version}: an administration's logo, for the portal's
 * header and the emails. Public, since mail clients fetch it without any session; cacheable
 * for a day (a new upload gets a new version, so a new address); served with its stored type,
 * which was checked from the image's content, with {@code nosniff} and a policy that lets it
 * run nothing. Any version serves the current logo: older emails show the new one.
 */
public final class LogoRoutes {

  static final String CACHING = "public, max-age=86400";
  private static final String POLICY = "default-src 'none'; sandbox";

  private final Bus bus;

  public LogoRoutes(Bus bus) {
    this.bus = bus;
  }

  public void mount(Router router) {
    router.get("/logo/:administration/:version").handler(this::logo);
    router.getWithRegex("/colour/([0-9a-f]{6})\\.css").handler(LogoRoutes::colour);
  }

  /**
   * The administration's colour for the portal, as a stylesheet of its own: the page's policy
   * allows no inline style. It names only the colour, so any page may ask for it.
   */
  private static void colour(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/css; charset=utf-8")
        .putHeader("Cache-Control", CACHING)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(":root { --brand: #%1$s; --brand-dark: #%1$s; }\n"
            .formatted(ctx.pathParam("param0")));
  }

  private void logo(RoutingContext ctx) {
    long administrationId;
    try {
      administrationId = Long.parseLong(ctx.pathParam("administration"));
      Long.parseLong(ctx.pathParam("version"));
    } catch (NumberFormatException notAnId) {
      ctx.fail(404);
      return;
    }
    bus.request(Addresses.ADMINISTRATION_LOGO_GET,
            new JsonObject().put("administration_id", administrationId))
        .onSuccess(logo -> ctx.response()
            .putHeader("Content-Type", logo.getString("logo_type"))
            .putHeader("Cache-Control", CACHING)
            .putHeader("Content-Security-Policy", POLICY)
            .putHeader("X-Content-Type-Options", "nosniff")
            .end(Buffer.buffer(logo.getBinary("logo"))))
        .onFailure(ctx::fail);
  }
}
