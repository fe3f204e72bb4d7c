package casemail.http;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders server-side pages from {@code templates/<name>.hbs} with a prepared view model, and
 * adds what every page needs: the CSRF token and the signed-in user. {@code {{x}}} escapes;
 * pages use triple braces only for HTML Casemail produced itself.
 *
 * <p>Uses the Handlebars instance and template loader of Vert.x's Handlebars engine, but
 * compiles and applies templates itself: the engine's {@code render} re-points the shared
 * loader at the folder of the template it last compiled, so a cached page's partials could
 * then be looked up in another folder. Here every partial is named from {@code templates/}
 * ({@code {{> staff/layout}}}), read once as UTF-8, and cached.
 */
public final class Pages {

  /** Request data: the administration's unread replies, for the top bar's badge. */
  public static final String UNREAD_REPLIES = "unreadReplies";

  private final Handlebars handlebars;
  private final SessionHandler sessions;
  private final Map<String, Template> templates = new HashMap<>();

  public Pages(Vertx vertx, SessionHandler sessions) {
    this.sessions = sessions;
    this.handlebars = HandlebarsTemplateEngine.create(vertx).unwrap()
        .with(new ConcurrentMapTemplateCache());
    handlebars.getLoader().setPrefix("templates");
    handlebars.getLoader().setCharset(StandardCharsets.UTF_8);
  }

  public Future<Void> render(RoutingContext ctx, String template, JsonObject model) {
    return render(ctx, 200, template, model);
  }

  public Future<Void> render(RoutingContext ctx, int status, String template, JsonObject model) {
    if (ctx.session() != null) {
      model.put("csrf", Csrf.token(ctx));
      StaffSession.user(ctx).ifPresent(user -> model.put("me", user.toView()));
      Long unread = ctx.get(UNREAD_REPLIES);
      model.put(UNREAD_REPLIES, unread == null || unread == 0 ? null : unread);
    }
    String html;
    try {
      html = apply(template, model);
    } catch (IOException | RuntimeException e) {
      fail(ctx, e);
      return Future.failedFuture(e);
    }
    return stored(ctx, status).compose(ignored -> ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(html));
  }

  /**
   * Stores the session before a page with an error status: Vert.x stores sessions only with
   * 2xx and 3xx answers, and a 4xx page may hand out what lives in the session — the CSRF
   * token of a form that a "Please confirm" or sign-in page offers again.
   */
  private Future<Void> stored(RoutingContext ctx, int status) {
    if (status < 400 || ctx.session() == null || ctx.session().isDestroyed()) {
      return Future.succeededFuture();
    }
    return sessions.flush(ctx, true).recover(failure -> Future.succeededFuture());
  }

  /** The page as HTML; templates are compiled on first use and kept. */
  String apply(String name, JsonObject model) throws IOException {
    var template = templates.get(name);
    if (template == null) {
      template = handlebars.compile(name);
      templates.put(name, template);
    }
    var context = Context.newBuilder(model).resolver(JsonValueResolver.INSTANCE).build();
    try {
      return template.apply(context);
    } finally {
      context.destroy();
    }
  }

  private static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.failed()) {
      ctx.response().setStatusCode(500).end("Something went wrong on our side");
    } else {
      ctx.fail(failure);
    }
  }
}
