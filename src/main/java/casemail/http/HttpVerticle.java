package casemail.http;

import casemail.bus.Bus;
import casemail.config.Settings;
import casemail.http.api.ApiRoutes;
import casemail.http.portal.PortalAttachmentRoutes;
import casemail.http.portal.PortalRoutes;
import casemail.http.staff.AttachmentRoutes;
import casemail.http.staff.BatchRoutes;
import casemail.http.staff.BulkRoutes;
import casemail.http.staff.CaseRoutes;
import casemail.http.staff.ComposerRoutes;
import casemail.http.staff.DeliveryRoutes;
import casemail.http.staff.InboxBadge;
import casemail.http.staff.InboxRoutes;
import casemail.http.staff.LoginRoutes;
import casemail.http.staff.OverviewRoutes;
import casemail.http.staff.ProfileRoutes;
import casemail.http.staff.SettingsRoutes;
import casemail.metrics.Metrics;
import casemail.http.staff.StandardMessageRoutes;
import casemail.message.AttachmentStore;
import casemail.security.LoginThrottle;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Duration;
import java.util.List;

/**
 * Serves staff pages, the portal, the tracking pixel and the JSON API. Talks to the other
 * verticles only over the event bus; pixel loads go to the tracking verticle in batches
 * ({@link OpenHandover}). Reads the HTTP port, base URL, secret and portal link validity from
 * the settings; deployed last, so {@code /health} answers only when all is up.
 */
public final class HttpVerticle extends VerticleBase {

  private static final long FORM_LIMIT = 1024 * 1024;
  private static final int COMPRESSION_THRESHOLD = 1024;
  private static final int MAX_URL = 128 * 1024;
  private static final int IDLE_TIMEOUT_S = 60;
  private static final long SESSION_TIMEOUT_MS = Duration.ofHours(8).toMillis();
  /** Staff pages: a signed-in user of the administration. */
  private static final String STAFF_PATHS =
      "^/(inbox|customers|invoices|matters|settings|profile|batches|dev|attachments)(/.*)?$";
  /** Pages for admins only: settings (standard messages included) and the dev mailbox. */
  private static final String ADMIN_PATHS = "^/(settings|dev)(/.*)?$";

  private final Settings settings;
  private final boolean devMailbox;
  private final LoginThrottle throttle;
  private HttpServer server;
  private Router router;
  private OpenHandover opens;

  /** {@code throttle}: shared by every instance, so the sign-in limits hold per process. */
  public HttpVerticle(Settings settings, boolean devMailbox, LoginThrottle throttle) {
    this.settings = settings;
    this.devMailbox = devMailbox;
    this.throttle = throttle;
  }

  @Override
  public Future<?> start() {
    var bus = new Bus(vertx);
    var links = new PortalLinks(settings.secret(), Duration.ofDays(settings.portalLinkDays()));
    var store = new AttachmentStore(vertx, settings.uploadsDir());
    var writer = new MessageWriter(vertx, bus, links, settings.baseUrl());
    opens = new OpenHandover(vertx);
    return new ApiRoutes(bus, links, settings.baseUrl(), store, writer).router(vertx)
        .compose(api -> {
          router = router(bus, links, api, store, writer);
          return vertx.createHttpServer(options())
              .requestHandler(requests(new PixelRoutes(opens), router))
              .listen(settings.httpPort());
        })
        .onSuccess(listening -> server = listening);
  }

  /** Stops taking requests, then hands the last pixel loads to the tracking verticle. */
  @Override
  public Future<?> stop() {
    var closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(ignored -> opens.close());
  }

  static HttpServerOptions options() {
    return new HttpServerOptions()
        // A connection that sends or takes nothing for this long (a stalled upload, a client
        // holding connections open) is closed: no one can hold the server's sockets for free.
        .setIdleTimeout(IDLE_TIMEOUT_S)
        .setCompressionSupported(true)
        // Smaller bodies (the pixel, most JSON) grow or barely shrink, at a cost per response.
        .setCompressionContentSizeThreshold(COMPRESSION_THRESHOLD)
        // No WebSockets here: their extension handler would sit in every connection's pipeline.
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false)
        // A message's text is one form field of up to 100,000 characters.
        .setMaxFormAttributeSize((int) FORM_LIMIT)
        // An overview's selection travels in its query string: thousands of ids.
        .setMaxInitialLineLength(MAX_URL);
  }

  /** The pixel is answered before the router; everything else goes through it. */
  private static Handler<HttpServerRequest> requests(PixelRoutes pixel, Router router) {
    return request -> {
      if (PixelRoutes.isPixel(request)) {
        pixel.answer(request);
      } else {
        router.handle(request);
      }
    };
  }

  /** The port actually listened on (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  /**
   * Every route with a method and a path, as {@code "GET /customers/:id"} (the API's are in
   * its OpenAPI document): the security tests check that each has a row in their tables.
   */
  public List<String> routes() {
    return router.getRoutes().stream()
        .filter(route -> route.getPath() != null && route.methods() != null
            && !route.methods().isEmpty())
        .flatMap(route -> route.methods().stream().map(method -> method + " " + route.getPath()))
        .toList();
  }

  private Router router(Bus bus, PortalLinks links, Router api, AttachmentStore store,
      MessageWriter writer) {
    var router = Router.router(vertx);
    var sessions = sessions();
    var pages = new Pages(vertx, sessions);
    var failures = new Failures(pages);
    router.route().handler(SecurityHeaders.all());
    new HealthRoutes(bus, Metrics.registry(vertx)).mount(router);
    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml").sendFile(ApiRoutes.CONTRACT));
    router.route("/api/v1/*").subRouter(api);
    // A path or method the API does not have: its JSON error, never the staff sign-in page.
    router.route("/api/*").handler(ctx -> ctx.fail(404));
    router.route("/static/*").handler(StaticHandler.create("webroot"));
    new LogoRoutes(bus).mount(router);
    router.route().handler(sessions);
    router.route().handler(bodies(store));
    router.route().handler(new InputGuard());
    router.route().handler(new Csrf(pages).check());
    new LoginRoutes(vertx, pages, throttle, settings.trustForwardedFor()).mount(router);
    new PortalRoutes(bus, pages, links, store, settings.isHttps()).mount(router);
    new PortalAttachmentRoutes(bus, new Downloads(store)).mount(router);
    router.route().pathRegex(STAFF_PATHS).handler(StaffSession.required());
    router.route().pathRegex(ADMIN_PATHS).handler(StaffSession.adminRequired());
    router.get().pathRegex(STAFF_PATHS).handler(new InboxBadge(bus));
    new InboxRoutes(bus, pages).mount(router);
    var overviews = new OverviewRoutes(bus, pages);
    overviews.mount(router);
    new BulkRoutes(bus, pages, store, new BatchSender(bus, writer), overviews).mount(router);
    new BatchRoutes(bus, pages).mount(router);
    new CaseRoutes(bus, pages, links, settings.baseUrl()).mount(router);
    new ComposerRoutes(bus, pages, store, writer).mount(router);
    new AttachmentRoutes(bus, new Downloads(store)).mount(router);
    new DeliveryRoutes(bus, pages).mount(router);
    new SettingsRoutes(vertx, bus, pages).mount(router);
    new StandardMessageRoutes(bus, pages).mount(router);
    new ProfileRoutes(vertx, pages, throttle, settings.trustForwardedFor()).mount(router);
    if (devMailbox) {
      new DevMailboxRoutes(bus, pages).mount(router);
    }
    router.route().failureHandler(failures::handle);
    for (int status : new int[] {404, 405, 413, 500}) {
      router.errorHandler(status, failures::handle);
    }
    return router;
  }

  /**
   * Forms of up to 1 MB; forms with files — the composer's and portal replies — are read by
   * {@link UploadForm}; an admin's logo upload (at most 1 MB in all) by a body handler that
   * keeps its file until the request ends. Anyone else's files are never written anywhere.
   */
  private Handler<RoutingContext> bodies(AttachmentStore store) {
    var forms = BodyHandler.create(false).setBodyLimit(FORM_LIMIT);
    var logos = BodyHandler.create(settings.uploadsDir().resolve("logos").toString())
        .setBodyLimit(FORM_LIMIT).setDeleteUploadedFilesOnEnd(true);
    var uploads = List.of(UploadForm.composer(vertx, store),
        PortalRoutes.uploads(vertx, store));
    return ctx -> {
      if (isLogoUpload(ctx)) {
        logos.handle(ctx);
        return;
      }
      uploads.stream().filter(reader -> reader.accepts(ctx)).findFirst()
          .<Handler<RoutingContext>>map(reader -> reader).orElse(forms).handle(ctx);
    };
  }

  private static boolean isLogoUpload(RoutingContext ctx) {
    return ctx.request().method() == HttpMethod.POST
        && SettingsRoutes.LOGO.equals(ctx.normalizedPath())
        && StaffSession.user(ctx).map(StaffSession.StaffUser::isAdmin).orElse(false);
  }

  private SessionHandler sessions() {
    return SessionHandler.create(LocalSessionStore.create(vertx))
        .setSessionCookieName("casemail_session")
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.LAX)
        .setCookieSecureFlag(settings.isHttps())
        .setSessionTimeout(SESSION_TIMEOUT_MS)
        .setLazySession(true);
  }
}
